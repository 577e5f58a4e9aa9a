using System.Globalization;
using System.Text;

namespace CitizenBot.Core.Commune;

/// <summary>Folds Vietnamese input for matching: lower case, no diacritics, "đ" as "d", single spaces.</summary>
public static class TextMatching
{
    public static string Fold(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var decomposed = input.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Folded words only: emoji and punctuation dropped ("🏠 Về menu chính!" becomes "ve menu chinh"); "/" and "?" kept for commands.</summary>
    public static string Words(string? input)
    {
        var kept = string.Concat(Fold(input).Select(c => char.IsLetterOrDigit(c) || c is '/' or '?' ? c : ' '));
        return string.Join(' ', kept.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when the folded input equals one of the folded phrases.</summary>
    public static bool IsAny(string? input, params string[] phrases)
    {
        var folded = Fold(input);
        return folded.Length > 0 && phrases.Any(p => Fold(p) == folded);
    }
}
