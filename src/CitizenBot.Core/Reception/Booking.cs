using LiteDB;

namespace CitizenBot.Core.Reception;

public enum BookingStatus
{
    Booked,
    Cancelled,
    Attended,
    NoShow,
}

/// <summary>A citizen's booking of one reception slot.</summary>
public sealed class Booking
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    /// <summary>The code the citizen is given ("LH-7K3M9P").</summary>
    public string Code { get; set; } = "";

    public string AddressKey { get; set; } = "";

    public string DayKey { get; set; } = "";

    /// <summary>The date as yyyy-MM-dd, for a day's list.</summary>
    public string Date { get; set; } = "";

    public string DayTitle { get; set; } = "";

    /// <summary>"07:30".</summary>
    public string SlotKey { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Unique per seat of a slot while the booking holds it: the database itself refuses a second holder.</summary>
    public string SeatKey { get; set; } = "";

    public string Topic { get; set; } = "";

    public string Details { get; set; } = "";

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";

    public BookingStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Who marked attendance or cancelled (a user key), for the audit trail.</summary>
    public string? ChangedBy { get; set; }

    public string? RescheduledFrom { get; set; }

    public string? RescheduledTo { get; set; }

    [BsonIgnore]
    public bool HoldsSeat => Status != BookingStatus.Cancelled;

    [BsonIgnore]
    public DateOnly Day => DateOnly.ParseExact(Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Topics a citizen can pick before describing their matter in their own words.</summary>
public static class ReceptionTopics
{
    public static readonly IReadOnlyList<(string Id, string Label)> All =
    [
        ("land", "Đất đai, xây dựng"),
        ("policy", "Chế độ, chính sách xã hội"),
        ("papers", "Giấy tờ, hộ tịch"),
        ("complaint", "Khiếu nại, tố cáo"),
        ("environment", "Môi trường, trật tự"),
        ("other", "Việc khác"),
    ];

    public static string Label(string id) => All.FirstOrDefault(t => t.Id == id).Label ?? id;
}
