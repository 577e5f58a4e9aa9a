namespace CitizenBot.Core.Commune;

/// <summary>Masks names and phone numbers for display to someone who only knows a code, and for logs.</summary>
public static class PersonalData
{
    /// <summary>"Nguyễn Văn An" becomes "N***** V** A*".</summary>
    public static string MaskName(string name) => string.Join(' ',
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[..1] + new string('*', Math.Max(1, w.Length - 1))));

    /// <summary>"0912345678" becomes "******5678".</summary>
    public static string MaskPhone(string phone)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length <= 4 ? new string('*', digits.Length) : new string('*', digits.Length - 4) + digits[^4..];
    }

    public static string LastFourDigits(string phone)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length >= 4 ? digits[^4..] : digits;
    }
}
