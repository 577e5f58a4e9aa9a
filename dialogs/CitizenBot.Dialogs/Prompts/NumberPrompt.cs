using System.Globalization;

namespace CitizenBot.Dialogs.Engine;

/// <summary>A whole number, within Min and Max when given.</summary>
public sealed class NumberPrompt(string id, PromptValidator<int>? validator = null) : Prompt<int>(id, validator)
{
    protected override string DefaultRetry => PromptTexts.NumberRetry;

    protected override Recognition<int> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        var text = (buttonValue ?? dc.Input.Text)?.Trim().Replace(".", "", StringComparison.Ordinal) ?? "";
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return Recognition<int>.Fail(PromptTexts.NumberRetry);
        }

        var (min, max) = (options.Min ?? int.MinValue, options.Max ?? int.MaxValue);
        return number < min || number > max
            ? Recognition<int>.Fail(PromptTexts.NumberOutOfRange(min, max))
            : Recognition<int>.Of(number);
    }
}
