using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dossiers;

/// <summary>Wrong phone checks are counted per dossier, whatever chat or channel they come from.</summary>
public sealed class FollowGuardTests : IDisposable
{
    private const string Code = "HS-2411-0001";
    private readonly BotHarness _bot = new();

    public FollowGuardTests() => _bot.SeedDossier(Code, DossierStatus.InProgress, BotHarness.Start.AddDays(3), phone: "0912345678");

    public void Dispose() => _bot.Dispose();

    private static ChatAddress FreshWebConversation(int n) => new("web", $"{n:x32}");

    /// <summary>One fresh web conversation: the code typed at the menu, "follow" pressed, four digits typed.</summary>
    private async Task<List<OutgoingMessage>> GuessAsync(ChatAddress chat, string digits)
    {
        (await _bot.SayAsync(Code, chat)).ShouldSay($"📄 Hồ sơ {Code}");
        var asked = await _bot.PressAsync("Theo dõi hồ sơ này", chat);
        return asked.Any(m => m.Text.Contains("4 số cuối", StringComparison.Ordinal)) ? await _bot.SayAsync(digits, chat) : asked;
    }

    private List<OutboxMessage> OfficersTold() =>
        [.. _bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 1000).Where(m => m.Text.Contains("🔒", StringComparison.Ordinal))];

    [Fact]
    public async Task Guesses_spread_over_thirty_fresh_conversations_lock_following_the_dossier_for_everyone()
    {
        for (var n = 1; n <= 30; n++)
        {
            await GuessAsync(FreshWebConversation(n), $"{n:0000}");
        }

        var owner = await GuessAsync(FreshWebConversation(1000), "5678");

        owner.ShouldSay("đang tạm khóa");
        owner.ShouldSay("Bộ phận Một cửa");
        owner.ShouldOfferButton("Hỏi cán bộ");
        Assert.False(_bot.Get<FollowBook>().IsFollowing(Code, FreshWebConversation(1000)));
        Assert.Equal(FollowResult.TooManyAttempts, _bot.Get<FollowBook>().TryFollow(Code, new ChatAddress("telegram", "42"), "5678"));
    }

    [Fact]
    public async Task After_the_lock_period_the_right_digits_follow_again()
    {
        for (var n = 1; n <= 5; n++)
        {
            await GuessAsync(FreshWebConversation(n), "0000");
        }

        _bot.Clock.Advance(TimeSpan.FromHours(23));
        (await GuessAsync(FreshWebConversation(100), "5678")).ShouldSay("đang tạm khóa");
        _bot.Clock.Advance(TimeSpan.FromHours(1.5));

        (await GuessAsync(FreshWebConversation(101), "5678")).ShouldSay($"Đã đăng ký theo dõi hồ sơ {Code}");
    }

    [Fact]
    public async Task The_officers_are_told_once_per_lock_with_the_code_and_no_personal_data()
    {
        for (var n = 1; n <= 12; n++)
        {
            await GuessAsync(FreshWebConversation(n), "0000");
        }

        var told = Assert.Single(OfficersTold());
        Assert.Contains(Code, told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912", told.Text, StringComparison.Ordinal);

        _bot.Clock.Advance(TimeSpan.FromHours(25));
        for (var n = 20; n <= 24; n++)
        {
            await GuessAsync(FreshWebConversation(n), "0000");
        }

        Assert.Equal(2, OfficersTold().Count);
    }

    [Fact]
    public void Wrong_guesses_from_telegram_and_the_web_add_up()
    {
        var follows = _bot.Get<FollowBook>();
        for (var n = 0; n < 4; n++)
        {
            var chat = n % 2 == 0 ? new ChatAddress("telegram", $"{n}") : FreshWebConversation(n);
            Assert.Equal(FollowResult.WrongDigits, follows.TryFollow(Code, chat, "0000"));
        }

        Assert.Equal(FollowResult.TooManyAttempts, follows.TryFollow(Code, new ChatAddress("telegram", "77"), "0000"));
        Assert.NotNull(follows.LockedUntil(Code));
    }
}
