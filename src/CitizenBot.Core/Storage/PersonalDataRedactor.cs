using System.Text.RegularExpressions;

namespace CitizenBot.Core.Storage;

/// <summary>
/// The last line of defence for logs: whatever a message or an exception carries, phone numbers, long digit
/// runs (chat ids, ID card numbers) and e-mail addresses are masked before it is written. Names and contents
/// are kept out of logs at the source (log statements never take them).
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? "" : Email().Replace(Digits().Replace(Phone().Replace(text, "[số điện thoại]"), "[số]"), "[email]");

    [GeneratedRegex(@"(?<![\w])(?:\+?84|0)(?:[ .\-]?\d){8,10}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<!\d)\d{9,}(?!\d)")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+\.[\w.\-]+")]
    private static partial Regex Email();
}
