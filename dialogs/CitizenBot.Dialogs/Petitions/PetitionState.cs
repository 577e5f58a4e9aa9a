using System.Globalization;
using System.Text.Json.Serialization;
using CitizenBot.Core.Petitions;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>What <see cref="SubmitPetitionDialog"/> has gathered so far, saved as JSON with the conversation.</summary>
public sealed record PetitionState : IReadsDialogValues
{
    public PetitionKind Kind { get; set; }

    public string Topic { get; set; } = "";

    public string Village { get; set; } = "";

    public string Content { get; set; } = "";

    public List<string> Photos { get; set; } = [];

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public bool Anonymous { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    [JsonIgnore]
    public (double, double)? Location => Latitude is { } lat && Longitude is { } lon ? (lat, lon) : null;

    /// <summary>A conversation saved by the code before typed state: "kind", "photos" space-joined, "location" as "lat,lon", "anonymous" = "1".</summary>
    public void Read(IReadOnlyDictionary<string, string> values)
    {
        if (values.TryGetValue("kind", out var kind))
        {
            Kind = Enum.Parse<PetitionKind>(kind);
        }

        Topic = values.GetValueOrDefault("topic", "");
        Village = values.GetValueOrDefault("village", "");
        Content = values.GetValueOrDefault("content", "");
        Photos = [.. values.GetValueOrDefault("photos", "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        if (values.TryGetValue("location", out var location) && location.Split(',') is [var lat, var lon])
        {
            Latitude = double.Parse(lat, CultureInfo.InvariantCulture);
            Longitude = double.Parse(lon, CultureInfo.InvariantCulture);
        }

        Anonymous = values.ContainsKey("anonymous");
        Name = values.GetValueOrDefault("name");
        Phone = values.GetValueOrDefault("phone");
    }
}
