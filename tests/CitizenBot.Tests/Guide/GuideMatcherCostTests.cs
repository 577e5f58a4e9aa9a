using CitizenBot.Core.Guide;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Host.Demo;
using CitizenBot.Tests.Support;
using Xunit.Abstractions;

namespace CitizenBot.Tests.Guide;

/// <summary>The guide's text is folded and indexed once per guide change, not again for every message.</summary>
public sealed class GuideMatcherCostTests(ITestOutputHelper output) : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    /// <summary>Folding, weighing and joining the guide's phrases for every message, and an edit distance for every pair of words, cost ~390 KB a message; ~20 KB now.</summary>
    private const long BytesPerMessage = 60_000;

    [Fact]
    public void Classifying_a_message_allocates_little_beyond_the_message_itself()
    {
        DemoCommune.SeedGuideIfEmpty(_bot.Get<GuideBook>());
        var answers = _bot.Get<GuideAnswers>();
        var messages = GuideEvaluation.Load(GuideAccuracyTests.DataFile);
        answers.Classify("khai sinh");

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var message in messages)
        {
            answers.Classify(message.Text);
        }

        var perMessage = (GC.GetAllocatedBytesForCurrentThread() - before) / messages.Count;
        output.WriteLine($"{perMessage} bytes per message");
        Assert.True(perMessage < BytesPerMessage, $"{perMessage} bytes per message");
    }
}
