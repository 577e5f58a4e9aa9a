using CitizenBot.Core.Guide;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Host.Demo;
using CitizenBot.Tests.Support;
using Xunit.Abstractions;

namespace CitizenBot.Tests.Guide;

/// <summary>The guide's aim, measured on 150+ labelled citizen messages with the demo commune's guide and the real menu.</summary>
public sealed class GuideAccuracyTests(ITestOutputHelper output) : IDisposable
{
    private readonly BotHarness _bot = new();

    public static string DataFile => Path.Combine(AppContext.BaseDirectory, "Guide", "guide-messages.tsv");

    [Fact]
    public void The_labelled_messages_are_many_and_varied()
    {
        var messages = GuideEvaluation.Load(DataFile);

        Assert.True(messages.Count >= 150, $"{messages.Count} messages");
        var labels = messages.Select(m => m.Label).ToHashSet();
        Assert.Superset(new HashSet<string>([.. GuideEvaluation.ProcedureLabels.Keys, GuideEvaluation.Officer, "greeting", "thanks", "menu:dossier"]), labels);
        Assert.All(messages.Select(m => m.Label), l => Assert.True(
            GuideEvaluation.ProcedureLabels.ContainsKey(l) || l is GuideEvaluation.Officer or "greeting" or "thanks" || l.StartsWith("menu:", StringComparison.Ordinal), l));
        Assert.Contains(messages, m => m.Text.Any(c => c > 127));
        Assert.Contains(messages, m => m.Text.All(c => c < 128));
        Assert.Contains(messages, m => m.Text.Split(' ').Length >= 20);
    }

    [Fact]
    public void The_guide_meets_its_aim_on_the_labelled_messages()
    {
        DemoCommune.SeedGuideIfEmpty(_bot.Get<GuideBook>());

        var score = GuideEvaluation.Score(_bot.Get<GuideAnswers>(), GuideEvaluation.Load(DataFile));

        output.WriteLine($"top-1 {GuideScore.Percent(score.Top1Rate)}, top-3 {GuideScore.Percent(score.Top3Rate)}, "
            + $"wrongly to officers {score.WronglyToOfficers}/{score.NotForOfficers} ({GuideScore.Percent(score.WronglyToOfficersRate)}), officer requests missed {score.OfficerMissed}");
        foreach (var miss in score.Misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(score.Top3Rate >= GuideScore.AimTop3, $"top-3 {GuideScore.Percent(score.Top3Rate)}:\n{string.Join("\n", score.Misses)}");
        Assert.True(score.WronglyToOfficersRate <= GuideScore.AimWronglyToOfficers, $"wrongly to officers {GuideScore.Percent(score.WronglyToOfficersRate)}:\n{string.Join("\n", score.Misses)}");
    }

    public void Dispose() => _bot.Dispose();
}
