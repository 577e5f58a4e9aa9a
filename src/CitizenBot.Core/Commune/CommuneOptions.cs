namespace CitizenBot.Core.Commune;

/// <summary>The commune the bot serves, read from the <c>Commune</c> configuration section.</summary>
public sealed class CommuneOptions
{
    public string Name { get; init; } = "UBND xã Hoằng Kim";

    public IReadOnlyList<string> Villages { get; init; } = [];

    /// <summary>The commune office's phone (Commune:Phone), given to citizens when the bot cannot take more; null when not set.</summary>
    public string? Phone { get; init; }

    /// <summary>Where the commune office (its one-stop desk) is (Commune:Address); null when not set.</summary>
    public string? Address { get; init; }

    /// <summary>The one-stop desk's working hours as citizens read them (Commune:OfficeHours), e.g. "sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu"; null when not set.</summary>
    public string? OfficeHours { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
}
