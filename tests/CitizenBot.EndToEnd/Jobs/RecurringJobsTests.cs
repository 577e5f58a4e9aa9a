using CitizenBot.EndToEnd.Support;
using Hangfire;
using Hangfire.Storage;

namespace CitizenBot.EndToEnd.Jobs;

public sealed class RecurringJobsTests : IAsyncLifetime
{
    private readonly TempDataDir _dir = new();
    private RunningBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync(_dir.Path, telegram: null);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public void Every_sweep_is_registered_on_its_schedule_in_the_communes_time_zone()
    {
        using var connection = _bot.Get<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal("* * * * *", jobs["dossier-follow-sweep"].Cron);
        Assert.Equal("* * * * *", jobs["reception-reminders"].Cron);
        Assert.Equal("*/5 * * * *", jobs["rating-invitations"].Cron);
        Assert.Equal("* * * * *", jobs["outbox-dispatch"].Cron);
        Assert.Equal("0 * * * *", jobs["litedb-checkpoint"].Cron);
        Assert.All(jobs.Values, j => Assert.Equal("Asia/Ho_Chi_Minh", j.TimeZoneId));
    }
}
