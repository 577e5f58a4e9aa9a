using System.Globalization;

namespace CitizenBot.Dialogs.Engine;

/// <summary>
/// Free text, trimmed, with a minimum and maximum length (Min/Max in the options). Choices, when given,
/// are quick answers ("Bỏ qua"): pressing or typing one returns its value instead of text.
/// </summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    public const int DefaultMaxLength = 2000;

    protected override string DefaultRetry => PromptTexts.TextEmpty;

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        if (options.Choices.Count > 0 && ChoicePrompt.Match(options.Choices, buttonValue, dc.Input.Text) is { } quick)
        {
            return Recognition<string>.Of(quick);
        }

        var text = dc.Input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Recognition<string>.Fail(PromptTexts.TextEmpty);
        }

        var length = new StringInfo(text).LengthInTextElements;
        if (options.Min is { } min && length < min)
        {
            return Recognition<string>.Fail(PromptTexts.TextTooShort(min));
        }

        var max = options.Max ?? DefaultMaxLength;
        return length > max ? Recognition<string>.Fail(PromptTexts.TextTooLong(max)) : Recognition<string>.Of(text);
    }
}
