using System.Text;
using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Dossiers;

/// <summary>How dossier codes are read: spaces, dashes, case and a missing prefix are all tolerated.</summary>
public static class DossierCode
{
    public const string Example = "HS-2411-0001";

    /// <summary>Upper-case letters and digits only ("hs 2411-0001" becomes "HS24110001").</summary>
    public static string Key(string? input)
    {
        var folded = TextMatching.Fold(input);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static string NumberKey(string key) => string.Concat(key.SkipWhile(char.IsAsciiLetter));

    /// <summary>Looks like a code: 4 to 40 letters and digits, at least 4 digits, letters only in front.</summary>
    public static bool IsWellFormed(string? input)
    {
        var key = Key(input);
        if (key.Length is < 4 or > 40 || key.Count(char.IsAsciiDigit) < 4)
        {
            return false;
        }

        // Only plausible characters: a citizen typing a sentence is not typing a code.
        return input!.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' ' or '.' or '/' or '_');
    }

    /// <summary>The canonical stored form of an imported code.</summary>
    public static string Canonical(string code) => string.Concat(code.Trim().ToUpperInvariant().Where(c => !char.IsWhiteSpace(c)));
}
