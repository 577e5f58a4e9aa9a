using CitizenBot.Core.Commune;
using LiteDB;

namespace CitizenBot.Core.Ratings;

/// <summary>The levels of the communes' satisfaction survey, best first.</summary>
public enum RatingLevel
{
    VerySatisfied = 1,
    Satisfied = 2,
    Neutral = 3,
    Unsatisfied = 4,
}

/// <summary>The fields (lĩnh vực) a rating is counted under.</summary>
public enum ServiceField
{
    CivilStatus,
    SocialProtection,
    Land,
    Certification,
    Reception,
    Other,
}

/// <summary>One citizen's rating; <see cref="SubjectKey"/> ties it to the dossier or booking it rates, once.</summary>
public sealed class Rating
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    public string AddressKey { get; set; } = "";

    public RatingLevel Level { get; set; }

    public ServiceField Field { get; set; }

    public string? Comment { get; set; }

    /// <summary>"dossier:HS-2411-0001", "booking:LH-7K3M9P", or "free:{id}" for a rating given from the menu.</summary>
    public string SubjectKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>For a "Không hài lòng": when someone at the desk marked it as read on the console (it stays on the home page until then).</summary>
    public DateTimeOffset? SeenAt { get; set; }

    /// <summary>Who marked it as read (a user key), for the audit trail.</summary>
    public string? SeenBy { get; set; }
}

/// <summary>An invitation to rate a finished dossier or an attended booking; its buttons work once.</summary>
public sealed class RatingInvitation
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    /// <summary>Subject and chat together: one invitation per subject per chat.</summary>
    public string Key { get; set; } = "";

    public string SubjectKey { get; set; } = "";

    public string SubjectTitle { get; set; } = "";

    public string AddressKey { get; set; } = "";

    public ServiceField Field { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>A finished piece of service a citizen may be invited to rate, offered by another slice.</summary>
public sealed record RatingSubject(string SubjectKey, string Title, string AddressKey, ServiceField Field);

/// <summary>Vietnamese names of levels and fields, and how a dossier's field text maps to a field.</summary>
public static class RatingNames
{
    public static string Level(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "Rất hài lòng",
        RatingLevel.Satisfied => "Hài lòng",
        RatingLevel.Neutral => "Bình thường",
        _ => "Không hài lòng",
    };

    public static string Emoji(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "😊",
        RatingLevel.Satisfied => "🙂",
        RatingLevel.Neutral => "😐",
        _ => "🙁",
    };

    public static string Field(ServiceField field) => field switch
    {
        ServiceField.CivilStatus => "Hộ tịch",
        ServiceField.SocialProtection => "Bảo trợ xã hội",
        ServiceField.Land => "Đất đai",
        ServiceField.Certification => "Chứng thực",
        ServiceField.Reception => "Tiếp công dân",
        _ => "Lĩnh vực khác",
    };

    /// <summary>"Hộ tịch", "ho tich", "Bảo trợ xã hội"… as written in a dossier import; anything else is Other.</summary>
    public static ServiceField FieldFromText(string? text)
    {
        var folded = TextMatching.Words(text);
        return Enum.GetValues<ServiceField>().FirstOrDefault(f => f != ServiceField.Other && TextMatching.Words(Field(f)) == folded, ServiceField.Other);
    }
}
