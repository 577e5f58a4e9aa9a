using System.Globalization;
using CitizenBot.Core.Guide;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Host.Demo;

namespace CitizenBot.Tests.Guide;

/// <summary>One labelled citizen message of guide-messages.tsv.</summary>
public sealed record LabelledMessage(string Label, string Text);

/// <summary>How the guide did on the labelled messages; shared by the unit test and the benchmark.</summary>
public sealed record GuideScore(int Total, int Top1, int Top3, int NotForOfficers, int WronglyToOfficers, int OfficerMissed, IReadOnlyList<string> Misses)
{
    public const double AimTop3 = 0.85;
    public const double AimWronglyToOfficers = 0.05;

    public double Top1Rate => (double)Top1 / Total;

    public double Top3Rate => (double)Top3 / Total;

    /// <summary>Of the messages an officer should not get, the share offered to the officers.</summary>
    public double WronglyToOfficersRate => (double)WronglyToOfficers / NotForOfficers;

    public bool MeetsAim => Top3Rate >= AimTop3 && WronglyToOfficersRate <= AimWronglyToOfficers;

    public static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Runs the real <see cref="GuideAnswers"/> (demo guide, real menu) over the labelled messages.</summary>
public static class GuideEvaluation
{
    public const string Officer = "officer";

    /// <summary>The labels of the demo procedures, by their names in <see cref="DemoCommune.GuideEntries"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProcedureLabels = new Dictionary<string, string>
    {
        ["khai-sinh"] = "Đăng ký khai sinh",
        ["ket-hon"] = "Đăng ký kết hôn",
        ["khai-tu"] = "Đăng ký khai tử",
        ["chung-thuc"] = "Chứng thực bản sao từ bản chính",
        ["tinh-trang-hon-nhan"] = "Cấp giấy xác nhận tình trạng hôn nhân",
        ["tro-cap"] = "Trợ cấp xã hội hằng tháng",
    };

    public static IReadOnlyList<LabelledMessage> Load(string path) =>
    [
        .. File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .Select(p => new LabelledMessage(p[0].Trim(), p[1].Trim())),
    ];

    /// <summary>What the guide answered, as labels, best first.</summary>
    public static IReadOnlyList<string> Answered(GuideAnswers answers, string text)
    {
        var outcome = answers.Classify(text);
        var byId = ProcedureLabels.ToDictionary(p => GuideAnswers.ProcedurePrefix + GuideAnswers.RefOf(new GuideEntry { Key = GuideBook.KeyOf(p.Value) }), p => p.Key);
        return outcome.Kind switch
        {
            GuideOutcomeKind.Greeting => ["greeting"],
            GuideOutcomeKind.Thanks => ["thanks"],
            GuideOutcomeKind.Officer => [Officer],
            GuideOutcomeKind.NotUnderstood => [],
            _ => [.. outcome.Top.Select(m => byId.GetValueOrDefault(m.Id, m.Id.StartsWith(GuideAnswers.MenuPrefix, StringComparison.Ordinal) ? "menu:" + m.Id[GuideAnswers.MenuPrefix.Length..] : m.Id))],
        };
    }

    public static GuideScore Score(GuideAnswers answers, IReadOnlyList<LabelledMessage> messages)
    {
        int top1 = 0, top3 = 0, wrongly = 0, missed = 0;
        var misses = new List<string>();
        foreach (var message in messages)
        {
            var answered = Answered(answers, message.Text);
            var first = answered.Count > 0 && answered[0] == message.Label;
            var inTop3 = answered.Take(3).Contains(message.Label);
            top1 += first ? 1 : 0;
            top3 += inTop3 ? 1 : 0;
            var top = answered.Count > 0 ? answered[0] : null;
            if (message.Label != Officer && top == Officer)
            {
                wrongly++;
            }

            if (message.Label == Officer && top != Officer)
            {
                missed++;
            }

            if (!inTop3)
            {
                misses.Add($"{message.Label} <- \"{message.Text}\": [{string.Join(", ", answered)}]");
            }
        }

        return new GuideScore(messages.Count, top1, top3, messages.Count(m => m.Label != Officer), wrongly, missed, misses);
    }
}
