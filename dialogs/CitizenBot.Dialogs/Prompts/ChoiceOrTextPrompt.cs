namespace CitizenBot.Dialogs.Engine;

/// <summary>
/// A choice prompt that also takes typed text it can use (another dossier code, a new question), instead of answering
/// "I did not understand your choice": a button or its typed label is the choice; accepted text comes back after
/// the given prefix so the step can tell the two apart. A stale button is still refused by <see cref="Prompt{T}"/>.
/// </summary>
public abstract class ChoiceOrTextPrompt(string id, string textPrefix) : Prompt<string>(id, null)
{
    /// <summary>True when the typed text (trimmed, never empty) is something the step can act on.</summary>
    protected abstract bool Accepts(string text);

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        if (ChoicePrompt.Match(options.Choices, buttonValue, dc.Input.Text) is { } chosen)
        {
            return Recognition<string>.Of(chosen);
        }

        var text = dc.Input.Text?.Trim();
        return buttonValue is null && !string.IsNullOrEmpty(text) && Accepts(text) ? Recognition<string>.Of(textPrefix + text) : Recognition<string>.Fail();
    }
}
