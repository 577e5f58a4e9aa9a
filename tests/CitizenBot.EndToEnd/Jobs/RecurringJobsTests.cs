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
        Assert.Equal("*/5 * * * *", jobs["question-reannounce"].Cron);
        Assert.Equal("* * * * *", jobs["question-relay"].Cron);
        Assert.Equal("0 8 * * *", jobs["petition-deadlines"].Cron);
        Assert.Equal("* * * * *", jobs["letters"].Cron);
        Assert.Equal("0 2 * * *", jobs["privacy-retention"].Cron);
        Assert.Equal("30 * * * *", jobs["empty-conversations"].Cron);
        Assert.Equal("* * * * *", jobs["web-login-codes"].Cron);
        Assert.Equal("20 * * * *", jobs["web-photo-expiry"].Cron);
        Assert.Equal(14, jobs.Count);
        Assert.All(jobs.Values, j => Assert.Equal("Asia/Ho_Chi_Minh", j.TimeZoneId));
    }

    [Fact]
    public void The_monthly_summary_runs_at_seven_on_the_first_of_each_month_commune_time()
    {
        using var connection = _bot.Get<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == "monthly-summary");

        Assert.Equal("0 7 1 * *", job.Cron);
        Assert.Equal("Asia/Ho_Chi_Minh", job.TimeZoneId);
        Assert.Equal("SendMonthlySummaryAsync", job.Job.Method.Name);

        // Hangfire computes the next run in the job's time zone: 07:00 in Hà Nội is 00:00 UTC on the 1st.
        var next = Assert.NotNull(job.NextExecution);
        Assert.Equal(1, TimeZoneInfo.ConvertTimeFromUtc(next, TimeZoneInfo.FindSystemTimeZoneById(job.TimeZoneId)).Day);
        Assert.Equal(new TimeSpan(0, 0, 0), next.TimeOfDay);
    }
}
