using System.Globalization;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Dossiers;

/// <summary>What <see cref="DossierLookupDialog"/> holds between turns, saved as JSON with the conversation.</summary>
public sealed record DossierLookupState : IReadsDialogValues
{
    /// <summary>The dossier shown (or the code typed at the menu, given as the begin option "code").</summary>
    public string? Code { get; set; }

    /// <summary>Wrong last-four-digit answers so far.</summary>
    public int FollowTries { get; set; }

    /// <summary>The begin option "code", or a conversation saved by the code before typed state.</summary>
    public void Read(IReadOnlyDictionary<string, string> values)
    {
        Code = values.GetValueOrDefault("code");
        FollowTries = values.TryGetValue("followTries", out var tries) ? int.Parse(tries, CultureInfo.InvariantCulture) : 0;
    }
}
