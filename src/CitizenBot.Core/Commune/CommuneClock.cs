namespace CitizenBot.Core.Commune;

/// <summary>Now, in UTC and in the commune's own time zone, from the injected <see cref="TimeProvider"/>.</summary>
public sealed class CommuneClock(TimeProvider time, CommuneOptions commune)
{
    public TimeZoneInfo TimeZone => commune.TimeZone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => ToLocal(time.GetUtcNow());

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, commune.TimeZone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>"24/11/2026 09:00" in the commune's time, as a citizen reads a moment.</summary>
    public string Moment(DateTimeOffset instant) => ToLocal(instant).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time in the commune, as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, commune.TimeZone.GetUtcOffset(unspecified));
    }
}
