using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Roles;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Tests.Letters;

/// <summary>The letter system: each event earns its letter exactly once, across reruns and a crash mid-sweep; admins edit the texts.</summary>
public sealed class LetterSweepTests : IDisposable
{
    private const string OfficerId = "701";
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private readonly BotHarness _bot = new();

    public LetterSweepTests() => _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    private static ChatAddress Chat(int i) => new("web", $"l{i:D31}");

    private List<OutboxMessage> Letters() => [.. _bot.Get<Outbox>().All().Where(m => m.Key.StartsWith("letter:", StringComparison.Ordinal))];

    private int Sweep() => _bot.Get<LetterSweep>().Run();

    /// <summary>Imports dossiers in progress, has chat i follow dossier i, then imports them resolved.</summary>
    private void FollowAndResolve(params string[] procedures)
    {
        string Rows(string status, string resolved) => string.Join('\n', procedures.Select((p, i) =>
            $"HS-2411-{i + 1:D4},{p},Hộ tịch,Người Thứ {i + 1},09123456{i + 10},direct,2026-11-20,2026-11-27,{status},{resolved}"));
        _bot.Get<DossierImporter>().Import(new StringReader($"{Header}\n{Rows("in_progress", "")}"));
        for (var i = 0; i < procedures.Length; i++)
        {
            Assert.Equal(FollowResult.Followed, _bot.Get<FollowBook>().TryFollow($"HS-2411-{i + 1:D4}", Chat(i + 1), $"56{i + 10}"));
        }

        _bot.Get<DossierImporter>().Import(new StringReader($"{Header}\n{Rows("resolved", "2026-11-24")}"));
    }

    [Fact]
    public void Birth_marriage_and_death_registrations_earn_their_letter_once_and_other_procedures_none()
    {
        FollowAndResolve("Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Chứng thực bản sao từ bản chính");

        Assert.Equal(3, Sweep());
        Assert.Equal(0, Sweep());
        _bot.Restart();
        Assert.Equal(0, _bot.Get<LetterSweep>().Run());

        var letters = Letters();
        Assert.Equal(3, letters.Count);
        Assert.Contains("THƯ CHÚC MỪNG", Assert.Single(letters, l => l.AddressKey == Chat(1).Key).Text, StringComparison.Ordinal);
        var marriage = Assert.Single(letters, l => l.AddressKey == Chat(2).Key).Text;
        Assert.Contains("đăng ký kết hôn ngày 24/11/2026", marriage, StringComparison.Ordinal);
        Assert.Contains("Kính gửi ông/bà Người Thứ 2", marriage, StringComparison.Ordinal);
        Assert.Contains("UBND xã Thử Nghiệm", marriage, StringComparison.Ordinal);
        Assert.Contains("THƯ CHIA BUỒN", Assert.Single(letters, l => l.AddressKey == Chat(3).Key).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(letters, l => l.AddressKey == Chat(4).Key);
        Assert.All(letters, l => Assert.DoesNotContain("{", l.Text, StringComparison.Ordinal));

        var counts = _bot.Get<LetterBook>().CountByKind(BotHarness.Start.AddDays(-1), BotHarness.Start.AddDays(1));
        Assert.Equal(1, counts[LetterKind.BirthCongratulation]);
        Assert.Equal(1, counts[LetterKind.MarriageCongratulation]);
        Assert.Equal(1, counts[LetterKind.DeathCondolence]);
        Assert.Equal(0, counts[LetterKind.LateApology]);
    }

    [Fact]
    public void A_crash_in_the_middle_of_a_sweep_loses_no_letter_and_the_restart_sends_none_twice()
    {
        FollowAndResolve("Đăng ký khai sinh", "Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Đăng ký khai sinh");
        var crashing = new LetterSweep([new CrashAfter(_bot.Get<IEnumerable<ILetterSource>>(), 2)],
            _bot.Get<LetterBook>(), new LetterOptions(), _bot.Get<CommuneClock>(), NullLogger<LetterSweep>.Instance);

        Assert.Throws<IOException>(() => crashing.Run());
        Assert.Equal(2, Letters().Count);

        _bot.Restart();
        Assert.Equal(3, _bot.Get<LetterSweep>().Run());
        Assert.Equal(0, _bot.Get<LetterSweep>().Run());

        var letters = Letters();
        Assert.Equal(5, letters.Count);
        Assert.Equal(5, letters.Select(l => l.AddressKey).Distinct().Count());
    }

    [Fact]
    public void Events_older_than_the_lookback_get_no_letter()
    {
        FollowAndResolve("Đăng ký khai sinh");
        _bot.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(0, Sweep());
    }

    [Fact]
    public async Task An_answered_petition_is_thanked_once_and_a_denouncer_is_not_named()
    {
        var citizen = Chat(10);
        var author = Chat(11);
        var code = await _bot.SubmitPetitionAsync(citizen, "Kiến nghị");
        var secret = await _bot.SubmitPetitionAsync(author, "Tố cáo");
        await _bot.CommandAsync($"/traloidon {code} Đã sửa xong đoạn đường.", OfficerId);
        _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Leader, BotHarness.AdminKey);
        await _bot.CommandAsync($"/traloidon {secret} Đã xác minh, xử lý theo quy định.", OfficerId, inGroup: false);

        Assert.Equal(2, Sweep());
        Assert.Equal(0, Sweep());

        var thanks = Assert.Single(_bot.Get<Outbox>().For(citizen.Key, 0, 1000), m => m.Text.Contains("THƯ CẢM ƠN", StringComparison.Ordinal));
        Assert.Contains($"đơn kiến nghị, phản ánh {code}", thanks.Text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi ông/bà Trần Văn Bình,", thanks.Text, StringComparison.Ordinal);
        var toAuthor = Assert.Single(_bot.Get<Outbox>().For(author.Key, 0, 1000), m => m.Text.Contains("THƯ CẢM ƠN", StringComparison.Ordinal));
        Assert.Contains("Kính gửi ông/bà", toAuthor.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Văn Bình", toAuthor.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rating_is_thanked_at_once_and_the_sweep_does_not_thank_it_again()
    {
        await _bot.SayAsync("menu");
        await _bot.PressAsync("Đánh giá sự phục vụ");
        await _bot.PressAsync("Hộ tịch");
        await _bot.PressAsync("Hài lòng");
        (await _bot.PressAsync("Bỏ qua")).ShouldSay("THƯ CẢM ƠN");

        Assert.Equal(0, Sweep());
        var letter = Assert.Single(Letters());
        Assert.Contains("(Hộ tịch)", letter.Text, StringComparison.Ordinal);
        Assert.Equal(1, _bot.Get<LetterBook>().CountByKind(BotHarness.Start, BotHarness.Start.AddDays(1))[LetterKind.RatingThanks]);
    }

    [Fact]
    public async Task An_admin_edits_a_template_while_the_bot_runs_and_the_next_letter_uses_it()
    {
        (await _bot.CommandAsync("/mauthu", BotHarness.AdminId, inGroup: false)).ShouldSay("khaisinh");
        (await _bot.CommandAsync("/mauthu khaisinh Chào {ten}, chúc mừng bé chào đời! {khong_co}", BotHarness.AdminId, inGroup: false))
            .ShouldSay("{khong_co}");
        (await _bot.CommandAsync("/mauthu khaisinh ngắn", BotHarness.AdminId, inGroup: false)).ShouldSay("quá ngắn");
        (await _bot.CommandAsync("/mauthu khaisinh Chào {ten}, {xa} mừng bé chào đời ngày {ngay}!", BotHarness.AdminId, inGroup: false))
            .ShouldSay("Đã lưu mẫu");
        (await _bot.CommandAsync("/mauthu khaisinh Mẫu của cán bộ, không được phép lưu.", OfficerId)).ShouldSay("chỉ dành cho người có quyền");

        FollowAndResolve("Đăng ký khai sinh");
        Sweep();

        Assert.Equal("Chào ông/bà Người Thứ 1, UBND xã Thử Nghiệm mừng bé chào đời ngày 24/11/2026!", Assert.Single(Letters()).Text);
        (await _bot.CommandAsync("/mauthu khaisinh macdinh", BotHarness.AdminId, inGroup: false)).ShouldSay("về mẫu gốc");
        Assert.Equal(LetterTemplates.Defaults[LetterKind.BirthCongratulation], _bot.Get<LetterTemplates>().Get(LetterKind.BirthCongratulation));
    }

    /// <summary>Stands for a host killed in the middle of a sweep: the process dies after some letters were written.</summary>
    private sealed class CrashAfter(IEnumerable<ILetterSource> inner, int events) : ILetterSource
    {
        public IEnumerable<LetterEvent> Events(DateTimeOffset since)
        {
            var seen = 0;
            foreach (var letter in inner.SelectMany(s => s.Events(since)))
            {
                if (seen++ == events)
                {
                    throw new IOException("The host was killed.");
                }

                yield return letter;
            }
        }
    }
}
