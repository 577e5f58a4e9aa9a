namespace CitizenBot.Core.Petitions;

/// <summary>A photo's bytes as an officer's browser receives them.</summary>
public sealed record PetitionPhoto(byte[] Content, string ContentType);

/// <summary>
/// Where a channel keeps the photos citizens attach, and how the console opens one. A stored photo reference is the
/// channel's own id with the channel's prefix ("web:…", "zalo:…"); a reference without a known prefix is a Telegram
/// file id (all photos before other channels had any).
/// </summary>
public interface IPetitionPhotoSource
{
    /// <summary>The reference prefix this source serves, with its colon ("web:"), or "" for Telegram's unprefixed file ids.</summary>
    string Prefix { get; }

    /// <summary>The photo, or null when it cannot be had now (the channel is off, the file expired, too large).</summary>
    Task<PetitionPhoto?> OpenAsync(string reference, CancellationToken ct);
}

/// <summary>Picks the source of a stored photo reference among the channels that are on.</summary>
public sealed class PetitionPhotos(IEnumerable<IPetitionPhotoSource> sources)
{
    private readonly IReadOnlyList<IPetitionPhotoSource> _sources = [.. sources.OrderByDescending(s => s.Prefix.Length)];

    /// <summary>The source for a reference: the longest matching prefix, Telegram's "" last.</summary>
    public IPetitionPhotoSource? SourceOf(string reference) =>
        _sources.FirstOrDefault(s => s.Prefix.Length == 0 ? !HasKnownPrefix(reference) : reference.StartsWith(s.Prefix, StringComparison.Ordinal));

    /// <summary>True when the console can show this photo now (its channel is on).</summary>
    public bool CanOpen(string reference) => SourceOf(reference) is not null;

    public Task<PetitionPhoto?> OpenAsync(string reference, CancellationToken ct) =>
        SourceOf(reference) is { } source ? source.OpenAsync(reference, ct) : Task.FromResult<PetitionPhoto?>(null);

    /// <summary>References the other channels write: "web:" and "zalo:". Telegram file ids never contain a colon.</summary>
    private static bool HasKnownPrefix(string reference) => reference.StartsWith("web:", StringComparison.Ordinal) || reference.StartsWith("zalo:", StringComparison.Ordinal);
}
