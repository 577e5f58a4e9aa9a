using CitizenBot.Core.Conversations;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Conversations;

/// <summary>Conversations that only greeted are forgotten a day later; any that did something are kept.</summary>
public sealed class EmptyConversationSweepTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public EmptyConversationSweepTests() => _bot.SeedDossier("HS-2411-0001", DossierStatus.InProgress, BotHarness.Start.AddDays(3));

    public void Dispose() => _bot.Dispose();

    private static ChatAddress Web(int n) => new("web", $"{n:x32}");

    private int Conversations() => _bot.Get<CitizenDatabase>().Collection<ConversationRecord>(ConversationStore.CollectionName).Count();

    private int Run() => _bot.Get<EmptyConversationSweep>().Run();

    [Fact]
    public async Task Two_thousand_conversations_that_only_greeted_are_forgotten_with_their_messages_a_day_later()
    {
        for (var n = 1; n <= 2000; n++)
        {
            await _bot.SayAsync("/start", Web(n));
        }

        Assert.Equal(2000, Conversations());
        _bot.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(2000, Run());

        Assert.Equal(0, Conversations());
        Assert.Empty(_bot.Get<Outbox>().All());
        Assert.Equal(0, Run());
    }

    [Fact]
    public async Task A_conversation_that_did_something_is_kept()
    {
        var active = Web(1);
        await _bot.SayAsync("/start", active);
        await _bot.SayAsync("HS-2411-0001", active);
        await _bot.SayAsync("/start", Web(2));
        _bot.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(1, Run());

        Assert.NotNull(_bot.Get<ConversationStore>().Find(active));
        Assert.NotEmpty(_bot.Get<Outbox>().For(active.Key, 0, 100));
        Assert.Null(_bot.Get<ConversationStore>().Find(Web(2)));
    }

    [Fact]
    public async Task A_greeting_only_conversation_with_a_record_attached_is_kept()
    {
        var follower = Web(1);
        await _bot.SayAsync("/start", follower);
        Assert.Equal(FollowResult.Followed, _bot.Get<FollowBook>().TryFollow("HS-2411-0001", follower, "5678"));
        _bot.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(0, Run());

        Assert.NotNull(_bot.Get<ConversationStore>().Find(follower));
    }

    [Fact]
    public async Task A_conversation_that_only_greeted_is_kept_for_its_first_day()
    {
        await _bot.SayAsync("/start", Web(1));
        _bot.Clock.Advance(TimeSpan.FromHours(23));

        Assert.Equal(0, Run());

        Assert.Equal(1, Conversations());
    }
}
