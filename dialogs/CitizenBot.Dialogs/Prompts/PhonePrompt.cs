namespace CitizenBot.Dialogs.Engine;

/// <summary>A Vietnamese mobile number, typed or shared with the channel's contact button; returned as 0xxxxxxxxx.</summary>
public sealed class PhonePrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override string DefaultRetry => PromptTexts.PhoneRetry;

    protected override bool RequestsContact => true;

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue) =>
        Normalize(dc.Input.ContactPhone ?? dc.Input.Text) is { } phone ? Recognition<string>.Of(phone) : Recognition<string>.Fail(PromptTexts.PhoneRetryFor(ChannelHints.HowToGivePhone(dc.Address)));

    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')')))
        {
            return null;
        }

        var digits = string.Concat(input.Where(char.IsAsciiDigit));
        if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        return digits.Length == 10 && digits[0] == '0' && digits[1] != '0' ? digits : null;
    }
}
