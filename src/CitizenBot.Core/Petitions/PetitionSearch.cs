using CitizenBot.Core.Commune;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Petitions;

/// <summary>What the console's petition list is filtered by; every part optional.</summary>
public sealed record PetitionQuery(
    PetitionKind? Kind = null, PetitionStatus? Status = null, string? Village = null, string? Topic = null, bool OverdueOnly = false,
    string? Text = null, bool OpenOnly = false);

/// <summary>
/// One page of the list: the petitions the viewer may see (overdue first, then soonest due, then the finished ones, newest
/// first), how many matched in all, and how many denunciations were left out because only leaders see them.
/// </summary>
public sealed record PetitionListing(IReadOnlyList<Petition> Rows, int Matched, int HiddenDenunciations, int Open, int Overdue);

/// <summary>The officers' view over all petitions: filters, search by code or by words (without diacritics), counts.</summary>
public sealed class PetitionSearch(CitizenDatabase db, CommuneClock clock)
{
    /// <summary>The most rows one page shows; the count says when there are more.</summary>
    public const int PageSize = 200;

    public bool IsOverdue(Petition petition) => petition.IsOpen && clock.LocalDate(petition.DueAt) < clock.Today;

    public PetitionListing Find(PetitionQuery query, bool leader)
    {
        var col = db.Collection<Petition>(PetitionBook.CollectionName);
        IEnumerable<Petition> all = query.Kind is { } kind ? col.Find(p => p.Kind == kind) : col.FindAll();
        var text = query.Text?.Trim() ?? "";
        var code = text.Length > 0 ? PetitionBook.NormalizeCode(text) : "";
        var words = TextMatching.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matched = all.Where(p =>
                (query.Status is not { } status || p.Status == status)
                && (!query.OpenOnly || p.IsOpen)
                && (string.IsNullOrEmpty(query.Village) || p.Village == query.Village)
                && (string.IsNullOrEmpty(query.Topic) || p.Topic == query.Topic)
                && (!query.OverdueOnly || IsOverdue(p))
                && (text.Length == 0 || p.Code == code || Contains(p, words)))
            .ToList();
        var visible = leader ? matched : [.. matched.Where(p => p.Kind != PetitionKind.Denunciation)];
        var ordered = visible
            .OrderByDescending(IsOverdue)
            .ThenByDescending(p => p.IsOpen)
            .ThenBy(p => p.IsOpen ? p.DueAt : DateTimeOffset.MaxValue)
            .ThenByDescending(p => p.ReceivedAt)
            .ToList();
        return new PetitionListing([.. ordered.Take(PageSize)], ordered.Count, matched.Count - visible.Count,
            ordered.Count(p => p.IsOpen), ordered.Count(IsOverdue));
    }

    /// <summary>Every word in the code, content, topic or village (a denunciation's author is sealed, so never searched).</summary>
    private static bool Contains(Petition petition, string[] words)
    {
        if (words.Length == 0)
        {
            return false;
        }

        var haystack = TextMatching.Fold($"{petition.Code} {petition.Topic} {petition.Village} {petition.Content} {petition.ContactName}");
        return words.All(w => haystack.Contains(w, StringComparison.Ordinal));
    }
}
