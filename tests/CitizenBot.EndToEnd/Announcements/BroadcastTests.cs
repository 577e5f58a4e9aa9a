using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CitizenBot.Channels.Telegram;
using CitizenBot.Core.Announcements;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;
using Xunit.Abstractions;

namespace CitizenBot.EndToEnd.Announcements;

/// <summary>Timing tests run alone, so other test classes do not crowd the host's pace.</summary>
[CollectionDefinition(nameof(BroadcastCollection), DisableParallelization = true)]
public sealed class BroadcastCollection;

/// <summary>A broadcast to 100 village groups against a fake Bot API that enforces Telegram's limits.</summary>
[Collection(nameof(BroadcastCollection))]
public sealed class BroadcastTests(ITestOutputHelper output) : TelegramScenario
{
    private const int Groups = 100;
    private static readonly long[] GroupIds = [.. Enumerable.Range(1, Groups).Select(i => -100_000L - i)];

    protected override TelegramLimits Limits => new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Telegram.EnforceLimits();
        var board = Bot.Get<AnnouncementBook>();
        foreach (var (id, i) in GroupIds.Select((id, i) => (id, i)))
        {
            board.RegisterGroup(new ChatAddress("telegram", id.ToString(CultureInfo.InvariantCulture)), i % 2 == 0 ? "Thôn Một" : "Thôn Hai", "test");
        }
    }

    private async Task<long> PublishAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Officer-Token", Bot.OfficerToken);
        var response = await http.PostAsJsonAsync("/officer/api/announcements", new { text = "Thông báo lịch đối thoại với Nhân dân ngày 29/11/2026.", villages = Array.Empty<string>() });
        response.EnsureSuccessStatusCode();
        var published = await response.Content.ReadFromJsonAsync<Published>();
        Assert.Equal(Groups, published!.Recipients);
        return published.Id;
    }

    private int GroupsReached() => GroupIds.Count(g => Telegram.SentTo(g).Count > 0);

    /// <summary>Waits in real time, moving the host's clock along so waits the outbox scheduled (a 429's retry_after) come due.</summary>
    private async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the broadcast:\n" + string.Join('\n',
                Bot.Get<Outbox>().WithKeyPrefix("announcement:").Where(d => d.Status != OutboxStatus.Sent)
                    .Select(d => $"{d.AddressKey} {d.Status} attempts {d.Attempts} next {d.NextAttemptAt:HH:mm:ss.fff} (now {Bot.Clock.GetUtcNow():HH:mm:ss.fff}) {d.Error}")));
            await Task.Delay(50);
            Bot.Clock.Advance(TimeSpan.FromMilliseconds(50));
        }
    }

    [Fact]
    public async Task Every_group_gets_the_announcement_exactly_once_within_the_limits_and_429s_are_honoured()
    {
        Telegram.FailNext("sendMessage", 3, 429, retryAfter: 2);
        var watch = Stopwatch.StartNew();

        var id = await PublishAsync();
        await WaitUntilAsync(() => GroupsReached() == Groups, TimeSpan.FromSeconds(60));
        watch.Stop();

        Assert.All(GroupIds, g => Assert.Single(Telegram.SentTo(g)));
        output.WriteLine(string.Join('\n', Telegram.IgnoredDetails));
        Assert.Equal(0, Telegram.LimitHits);
        Assert.Equal(0, Telegram.IgnoredRetryAfters);

        // Telegram has every message; the host records the last answers a moment later.
        var board = Bot.Get<AnnouncementBook>();
        await WaitUntilAsync(() => board.Report(board.Get(id)!).Delivered == Groups, TimeSpan.FromSeconds(20));
        var report = board.Report(board.Get(id)!);
        Assert.Equal(0, report.Unconfirmed);
        Assert.Empty(report.Failed);
        output.WriteLine($"{Groups} groups in {watch.Elapsed.TotalSeconds:0.0} s: {Groups / watch.Elapsed.TotalSeconds:0.0} messages/s against 30/s allowed");
    }

    [Fact]
    public async Task A_crash_in_the_middle_loses_nothing_and_the_restart_finishes_without_duplicates()
    {
        Telegram.HoldSendsAfter(40);
        var id = await PublishAsync();
        await WaitUntilAsync(() => GroupsReached() > 40, TimeSpan.FromSeconds(30));
        await Task.Delay(300);

        // The host dies while some sends are under way: Telegram has them, the host never heard back.
        await Bot.DisposeAsync();
        var reachedAtCrash = GroupsReached();
        Telegram.ReleaseHold();
        await RestartBotAsync();
        await WaitUntilAsync(() => GroupsReached() == Groups, TimeSpan.FromSeconds(60));
        var deliveries = Bot.Get<Outbox>();
        await WaitUntilAsync(() => deliveries.WithKeyPrefix(Announcement.DeliveryPrefix(id)).All(d => d.Status is not (OutboxStatus.Pending or OutboxStatus.Sending)), TimeSpan.FromSeconds(20));

        Assert.All(GroupIds, g => Assert.Single(Telegram.SentTo(g)));
        output.WriteLine($"429s for exceeding a limit: {Telegram.LimitHits}; " + string.Join('\n', Telegram.IgnoredDetails));
        Assert.Equal(0, Telegram.IgnoredRetryAfters);
        await Bot.RunOutboxDispatchAsync();
        var board = Bot.Get<AnnouncementBook>();
        var report = board.Report(board.Get(id)!);
        foreach (var d in Bot.Get<Outbox>().WithKeyPrefix(Announcement.DeliveryPrefix(id)).Where(d => d.Status != OutboxStatus.Sent))
        {
            output.WriteLine($"{d.AddressKey} {d.Status} attempts {d.Attempts} next {d.NextAttemptAt:HH:mm:ss} error {d.Error}");
        }

        Assert.Equal(0, report.Pending);
        Assert.Empty(report.Failed);
        Assert.Equal(Groups, report.Delivered + report.Unconfirmed);
        Assert.True(report.Unconfirmed >= 1, "The sends cut short by the crash are marked unconfirmed, not repeated.");
        output.WriteLine($"Reached {reachedAtCrash} groups before the crash; {report.Unconfirmed} sends were unconfirmed.");
    }

    private sealed record Published(long Id, string Code, int Recipients);
}
