using CitizenBot.Core.Dossiers;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Dossiers;

/// <summary>
/// What to do after a lookup (follow, another code, retry, an officer): a button or its typed label, or another dossier
/// code typed straight away (<see cref="CodePrefix"/>), which is looked up at once rather than refused as an unknown choice.
/// </summary>
public sealed class DossierNextPrompt(string id) : Prompt<string>(id, null)
{
    /// <summary>Prefix of a result that is a typed dossier code rather than a choice.</summary>
    public const string CodePrefix = "code:";

    protected override string DefaultRetry => PromptTexts.ChoiceRetry;

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        if (ChoicePrompt.Match(options.Choices, buttonValue, dc.Input.Text) is { } chosen)
        {
            return Recognition<string>.Of(chosen);
        }

        var text = dc.Input.Text;
        return buttonValue is null && DossierCode.IsWellFormed(text) ? Recognition<string>.Of(CodePrefix + text!.Trim()) : Recognition<string>.Fail();
    }
}
