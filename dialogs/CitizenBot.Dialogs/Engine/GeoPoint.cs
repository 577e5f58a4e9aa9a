namespace CitizenBot.Dialogs.Engine;

/// <summary>
/// A place on Earth: finite latitude within ±90° and longitude within ±180°. A channel (or a forged request) may send NaN,
/// infinities or 200°; such a value never becomes a <see cref="GeoPoint"/>, so no dialog, state or record can hold one.
/// </summary>
public sealed record GeoPoint
{
    private GeoPoint(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    public static bool TryCreate(double latitude, double longitude, out GeoPoint point)
    {
        var valid = double.IsFinite(latitude) && double.IsFinite(longitude) && Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180;
        point = valid ? new GeoPoint(latitude, longitude) : null!;
        return valid;
    }

    /// <summary>The place, or null when the two numbers are not one.</summary>
    public static GeoPoint? Of(double latitude, double longitude) => TryCreate(latitude, longitude, out var point) ? point : null;

    /// <summary>The place, or null when either number is missing or the two are not a place.</summary>
    public static GeoPoint? Of(double? latitude, double? longitude) => latitude is { } lat && longitude is { } lon ? Of(lat, lon) : null;
}
