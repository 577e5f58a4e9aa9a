using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dossiers;

public sealed class DossierFollowSweepTests : IDisposable
{
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private readonly BotHarness _bot = new();

    public DossierFollowSweepTests()
    {
        Import("in_progress", "2026-11-27");
        Assert.Equal(FollowResult.Followed, _bot.Get<FollowBook>().TryFollow("HS-2411-0001", _bot.Address, "5678"));
    }

    public void Dispose() => _bot.Dispose();

    private void Import(string status, string due, string resolved = "") =>
        _bot.Get<DossierImporter>().Import(new StringReader(
            $"{Header}\nHS-2411-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-20,{due},{status},{resolved}"));

    private List<OutboxMessage> Notifications() =>
        [.. _bot.Get<Outbox>().All().Where(m => m.Key.StartsWith("dossier:", StringComparison.Ordinal) || m.Key.StartsWith("letter:", StringComparison.Ordinal))];

    /// <summary>Both jobs that write to a follower: the change notices and the letters (the overdue apology).</summary>
    private void Sweep()
    {
        _bot.Get<DossierFollowSweep>().Run();
        _bot.Get<LetterSweep>().Run();
    }

    [Fact]
    public void A_status_change_is_told_to_the_follower_once_however_often_the_sweep_runs()
    {
        Import("resolved", "2026-11-27", "2026-11-24");

        _bot.Get<DossierFollowSweep>().Run();
        _bot.Get<DossierFollowSweep>().Run();

        var message = Assert.Single(Notifications());
        Assert.Equal(_bot.Address.Key, message.AddressKey);
        Assert.Contains("đã có kết quả", message.Text, StringComparison.Ordinal);
        Assert.Contains("Bộ phận Tiếp nhận và trả kết quả (Một cửa), UBND xã Thử Nghiệm", message.Text, StringComparison.Ordinal);
        Assert.Contains("giấy biên nhận hồ sơ và căn cước (CCCD)", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_sent_twice_across_a_restart()
    {
        Import("awaiting_supplement", "2026-11-27");
        _bot.Get<DossierFollowSweep>().Run();

        _bot.Restart();
        _bot.Get<DossierFollowSweep>().Run();

        Assert.Single(Notifications());
    }

    [Fact]
    public void Changes_before_the_follow_are_not_told()
    {
        _bot.Get<DossierFollowSweep>().Run();

        Assert.Empty(Notifications());
    }

    [Fact]
    public void An_overdue_dossier_earns_one_apology_and_a_new_date_earns_a_new_notice()
    {
        _bot.Clock.Advance(TimeSpan.FromDays(4));
        Sweep();
        Sweep();

        var apology = Assert.Single(Notifications());
        Assert.Contains("THƯ XIN LỖI", apology.Text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi ông/bà An,", apology.Text, StringComparison.Ordinal);
        Assert.Contains("27/11/2026", apology.Text, StringComparison.Ordinal);

        Import("in_progress", "2026-12-02");
        Sweep();

        var notices = Notifications();
        Assert.Equal(2, notices.Count);
        Assert.Contains("ngày hẹn trả kết quả mới", notices[1].Text, StringComparison.Ordinal);
        Assert.Contains("02/12/2026", notices[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dossier_is_not_overdue_on_its_due_day()
    {
        _bot.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(8));

        Sweep();

        Assert.Empty(Notifications());
    }

    [Fact]
    public void Five_wrong_guesses_lock_following_for_a_day()
    {
        var follows = _bot.Get<FollowBook>();
        var other = new ChatAddress("web", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(FollowResult.WrongDigits, follows.TryFollow("HS-2411-0001", other, "0000"));
        }

        Assert.Equal(FollowResult.TooManyAttempts, follows.TryFollow("HS-2411-0001", other, "0000"));
        Assert.Equal(FollowResult.TooManyAttempts, follows.TryFollow("HS-2411-0001", other, "5678"));
        _bot.Clock.Advance(TimeSpan.FromDays(1.1));
        Assert.Equal(FollowResult.Followed, follows.TryFollow("HS-2411-0001", other, "5678"));
    }
}
