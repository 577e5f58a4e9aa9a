using System.Security.Cryptography;
using System.Text;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Guide;
using CitizenBot.Dialogs.Escalation;
using CitizenBot.Dialogs.Menu;

namespace CitizenBot.Dialogs.Guide;

/// <summary>What the bot does with a free text.</summary>
public enum GuideOutcomeKind
{
    Greeting,
    Thanks,

    /// <summary>One procedure fits clearly: its entry is shown.</summary>
    Answer,

    /// <summary>One menu item fits clearly (a typo of its label): it is started.</summary>
    OpenMenu,

    /// <summary>Several fit: the best (at most three) are offered as buttons.</summary>
    Choose,

    /// <summary>Nothing fits, or the citizen asks for an officer: sending the question is offered.</summary>
    Officer,

    /// <summary>Too short to send anywhere ("abc"): the menu again, with a hint.</summary>
    NotUnderstood,
}

public sealed record GuideOutcome(GuideOutcomeKind Kind, IReadOnlyList<GuideMatch> Matches)
{
    /// <summary>The best candidates, at most three: the buttons offered.</summary>
    public IReadOnlyList<GuideMatch> Top => [.. Matches.Take(3)];
}

/// <summary>
/// Decides what a free text is: small talk, a procedure of the confirmed guide, a menu item, or a question for the
/// officers. The matcher is rebuilt only when the guide changes.
/// </summary>
public sealed class GuideAnswers(GuideBook book, IEnumerable<MenuEntry> menu)
{
    public const string ProcedurePrefix = "p:";
    public const string MenuPrefix = "m:";
    public const string OfficerId = MenuPrefix + "officer";

    /// <summary>Asking for an officer counts a little less than a procedure named in the same message.</summary>
    private const double OfficerWeight = 0.92;

    private const int MinWordsForOfficers = 3;
    private readonly IReadOnlyList<MenuEntry> _menu = [.. menu.Where(e => e.DialogId != GuideDialog.DialogId)];
    private readonly Lock _lock = new();
    private (long Version, GuideMatcher Matcher, List<GuideEntry> Entries, Dictionary<string, GuideEntry> ByRef)? _cache;

    public IReadOnlyList<MenuEntry> Menu => _menu;

    public static string RefOf(GuideEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.Key)))[..10];

    /// <summary>The confirmed entries citizens may see.</summary>
    public IReadOnlyList<GuideEntry> Entries => Current().Entries;

    /// <summary>A confirmed entry by its short reference (a button's payload), or null.</summary>
    public GuideEntry? Find(string reference) => Current().ByRef.GetValueOrDefault(reference);

    public GuideOutcome Classify(string text) => Classify(text, Current().Matcher);

    /// <summary>What <see cref="Classify"/> would say if every entry were confirmed (the console's "Thử câu hỏi", to check an entry's words before confirming it).</summary>
    public GuideOutcome Rehearse(string text) => Classify(text, new GuideMatcher(CandidatesOf(book.All())));

    private static GuideOutcome Classify(string text, GuideMatcher matcher)
    {
        switch (GuideMatcher.SmallTalkOf(text))
        {
            case SmallTalk.Greeting:
                return new GuideOutcome(GuideOutcomeKind.Greeting, []);
            case SmallTalk.Thanks:
                return new GuideOutcome(GuideOutcomeKind.Thanks, []);
        }

        var matches = matcher.Rank(text)
            .Select(m => m.Id == OfficerId ? m with { Score = m.Score * OfficerWeight } : m)
            .Where(m => m.Score >= GuideMatcher.Fits)
            .OrderByDescending(m => m.Score)
            .ToList();
        if (matches.Count == 0)
        {
            var words = TextMatching.Words(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));
            return new GuideOutcome(words >= MinWordsForOfficers ? GuideOutcomeKind.Officer : GuideOutcomeKind.NotUnderstood, []);
        }

        var best = matches[0];
        if (best.Id == OfficerId)
        {
            return new GuideOutcome(GuideOutcomeKind.Officer, matches);
        }

        var clear = best.Score >= GuideMatcher.Sure && (matches.Count == 1 || best.Score - matches[1].Score >= GuideMatcher.Margin);
        return new GuideOutcome(
            !clear ? GuideOutcomeKind.Choose : best.Id.StartsWith(ProcedurePrefix, StringComparison.Ordinal) ? GuideOutcomeKind.Answer : GuideOutcomeKind.OpenMenu,
            [.. matches.Where(m => m.Id != OfficerId)]);
    }

    private (long Version, GuideMatcher Matcher, List<GuideEntry> Entries, Dictionary<string, GuideEntry> ByRef) Current()
    {
        lock (_lock)
        {
            var version = book.Version;
            if (_cache is { } cached && cached.Version == version)
            {
                return cached;
            }

            var entries = book.Confirmed();
            _cache = (version, new GuideMatcher(CandidatesOf(entries)), entries, entries.DistinctBy(RefOf).ToDictionary(RefOf));
            return _cache.Value;
        }
    }

    private IEnumerable<GuideCandidate> CandidatesOf(IEnumerable<GuideEntry> entries) =>
        entries.Select(e => new GuideCandidate(ProcedurePrefix + RefOf(e), e.Name, [.. e.Aliases]))
            .Concat(_menu.Select(m => new GuideCandidate(MenuPrefix + m.Id, m.Label, [.. m.Synonyms])));
}
