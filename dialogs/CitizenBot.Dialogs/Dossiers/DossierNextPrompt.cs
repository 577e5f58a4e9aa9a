using CitizenBot.Core.Dossiers;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Dossiers;

/// <summary>
/// What to do after a lookup (follow, another code, retry, an officer): a button or its typed label, or another dossier
/// code typed straight away (<see cref="CodePrefix"/>), which is looked up at once rather than refused as an unknown choice.
/// </summary>
public sealed class DossierNextPrompt(string id) : ChoiceOrTextPrompt(id, CodePrefix)
{
    /// <summary>Prefix of a result that is a typed dossier code rather than a choice.</summary>
    public const string CodePrefix = "code:";

    protected override string DefaultRetry => PromptTexts.ChoiceRetry;

    protected override bool Accepts(string text) => DossierCode.IsWellFormed(text);
}
