using System.Security.Cryptography;

namespace CitizenBot.Core.Commune;

/// <summary>
/// The codes citizens quote back (KN-7QX3MA, LH-4CAT9E): a two-letter prefix naming the kind, then six characters
/// from an alphabet without look-alikes (no B/8, O/0, I/1, S/5, Z/2), so a code read over the phone is typed right.
/// </summary>
public static class TrackingCode
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";

    public const int Length = 6;

    /// <summary>A fresh code with the prefix ("LH"), drawn again while <paramref name="taken"/> says it is in use.</summary>
    public static string New(string prefix, Func<string, bool> taken)
    {
        while (true)
        {
            var code = prefix + "-" + string.Concat(Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
            if (!taken(code))
            {
                return code;
            }
        }
    }

    /// <summary>A code as typed ("kn 7qx3ma", "kn-7QX3MA") in stored form: the first two letters are its prefix.</summary>
    public static string Normalize(string code)
    {
        var letters = Letters(code);
        return letters.Length > 2 ? $"{letters[..2]}-{letters[2..]}" : letters;
    }

    /// <summary>A code of one kind as typed, with or without its prefix ("4cat9e", "lh 4cat9e"), in stored form.</summary>
    public static string Normalize(string code, string prefix)
    {
        var letters = Letters(code);
        if (letters.StartsWith(prefix, StringComparison.Ordinal))
        {
            letters = letters[prefix.Length..];
        }

        return prefix + "-" + letters;
    }

    private static string Letters(string code) =>
        TextMatching.Fold(code).ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
