using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Announcements;

/// <summary>What <see cref="ComposeAnnouncementDialog"/> has gathered so far, saved as JSON with the conversation.</summary>
public sealed record AnnouncementDraftState : IReadsDialogValues
{
    public string? FileId { get; set; }

    public string? FileKind { get; set; }

    public string? Text { get; set; }

    /// <summary>The villages picked so far.</summary>
    public List<string> Villages { get; set; } = [];

    /// <summary>Sent to every village (no list of targets).</summary>
    public bool All { get; set; }

    /// <summary>A conversation saved by the code before typed state: "villages" |-joined, "all" = "1".</summary>
    public void Read(IReadOnlyDictionary<string, string> values)
    {
        FileId = values.GetValueOrDefault("fileId");
        FileKind = values.GetValueOrDefault("fileKind");
        Text = values.GetValueOrDefault("text");
        Villages = [.. values.GetValueOrDefault("villages", "").Split('|', StringSplitOptions.RemoveEmptyEntries)];
        All = values.ContainsKey("all");
    }
}
