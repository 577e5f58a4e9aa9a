using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Guide;

/// <summary>
/// The guide's buttons (procedures, menu items, "send to an officer"): a button or its typed label is the choice;
/// any other text is a new question (<see cref="TextPrefix"/>), never "I did not understand your choice".
/// </summary>
public sealed class GuidePickPrompt(string id) : Prompt<string>(id, null)
{
    public const string TextPrefix = "t:";

    protected override string DefaultRetry => GuideTexts.PickRetry;

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        if (ChoicePrompt.Match(options.Choices, buttonValue, dc.Input.Text) is { } chosen)
        {
            return Recognition<string>.Of(chosen);
        }

        var text = dc.Input.Text?.Trim();
        return buttonValue is null && !string.IsNullOrEmpty(text) ? Recognition<string>.Of(TextPrefix + text) : Recognition<string>.Fail();
    }
}
