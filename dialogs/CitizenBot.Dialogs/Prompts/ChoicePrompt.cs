using System.Globalization;
using CitizenBot.Core.Commune;

namespace CitizenBot.Dialogs.Engine;

/// <summary>One of a list of choices, shown as buttons; typed labels, synonyms or numbers also work.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override string DefaultRetry => PromptTexts.ChoiceRetry;

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue) =>
        Match(options.Choices, buttonValue, dc.Input.Text) is { } value ? Recognition<string>.Of(value) : Recognition<string>.Fail();

    /// <summary>The value of the choice the input names, or null.</summary>
    public static string? Match(IReadOnlyList<Choice> choices, string? buttonValue, string? text)
    {
        if (buttonValue is not null)
        {
            return choices.FirstOrDefault(c => c.Value == buttonValue)?.Value;
        }

        var folded = TextMatching.Words(text);
        if (folded.Length == 0)
        {
            return null;
        }

        if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return choices[number - 1].Value;
        }

        return choices.FirstOrDefault(c =>
            TextMatching.Words(c.Label) == folded
            || (c.Synonyms ?? []).Any(s => TextMatching.Words(s) == folded))?.Value;
    }
}
