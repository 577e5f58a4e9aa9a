using LiteDB;

namespace CitizenBot.Core.Guide;

/// <summary>
/// One procedure of the commune's guide: what citizens call it, what to bring, what it costs, how long it takes,
/// where to go, and the law it rests on. Shown to citizens only once an officer has confirmed it; any change of its
/// content takes the confirmation away until an officer confirms again.
/// </summary>
public sealed class GuideEntry
{
    /// <summary>The name folded (no diacritics, lower case): one entry per name.</summary>
    [BsonId]
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Lĩnh vực: Hộ tịch, Chứng thực, Bảo trợ xã hội...</summary>
    public string Field { get; set; } = "";

    /// <summary>The words citizens use for it ("giấy khai sanh", "làm giấy cho con").</summary>
    public List<string> Aliases { get; set; } = [];

    public string Papers { get; set; } = "";

    /// <summary>Empty when not verified: the bot then says to ask the one-stop desk.</summary>
    public string Fee { get; set; } = "";

    /// <summary>Empty when not verified: the bot then says to ask the one-stop desk.</summary>
    public string ProcessingTime { get; set; } = "";

    public string Place { get; set; } = "";

    public string OnlineLink { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    /// <summary>Where the content was checked (a public page of the law or the national portal).</summary>
    public string SourceUrl { get; set; } = "";

    public string? ConfirmedBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    [BsonIgnore]
    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>True when what citizens would read differs (confirmation and bookkeeping aside).</summary>
    public bool SameContentAs(GuideEntry other) =>
        Name == other.Name && Field == other.Field && Aliases.SequenceEqual(other.Aliases) && Papers == other.Papers && Fee == other.Fee
        && ProcessingTime == other.ProcessingTime && Place == other.Place && OnlineLink == other.OnlineLink
        && LegalBasis == other.LegalBasis && SourceUrl == other.SourceUrl;
}
