using System.Globalization;
using CitizenBot.Core.Ratings;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Ratings;

/// <summary>What <see cref="RateServiceDialog"/> has gathered so far, saved as JSON with the conversation.</summary>
public sealed record RatingState : IReadsDialogValues
{
    /// <summary>The invitation button pressed, given as the begin option "payload".</summary>
    public string? Payload { get; set; }

    public long? Invitation { get; set; }

    public string? Subject { get; set; }

    public string? Title { get; set; }

    public ServiceField? Field { get; set; }

    public RatingLevel? Level { get; set; }

    /// <summary>The begin option "payload", or a conversation saved by the code before typed state.</summary>
    public void Read(IReadOnlyDictionary<string, string> values)
    {
        Payload = values.GetValueOrDefault("payload");
        Invitation = values.TryGetValue("invitation", out var id) ? long.Parse(id, CultureInfo.InvariantCulture) : null;
        Subject = values.GetValueOrDefault("subject");
        Title = values.GetValueOrDefault("title");
        Field = values.TryGetValue("field", out var field) ? Enum.Parse<ServiceField>(field) : null;
        Level = values.TryGetValue("level", out var level) ? Enum.Parse<RatingLevel>(level) : null;
    }
}
