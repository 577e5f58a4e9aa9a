namespace CitizenBot.Host.Officer;

/// <summary>
/// A plain page for the one-stop desk: log in with the access token, import dossiers, run a reception day
/// (list, mark attended or absent, export), add a leader's session, and read the month's ratings.
/// Citizens' words are put on the page as text, never as HTML. No inline script or style: the page works under a strict
/// Content-Security-Policy; its script and style are served beside it. All three are embedded from wwwroot/, like the chat page.
/// </summary>
internal static class OfficerPage
{
    public static readonly string Style = Load("officer.css");

    public static readonly string Script = Load("officer.js");

    private static readonly string Html = Load("officer.html");

    /// <summary>The page, with the antiforgery token and the upload limit filled in.</summary>
    public static string Render(string csrfToken, int maxImportMegabytes) => Html
        .Replace("{{csrf}}", System.Net.WebUtility.HtmlEncode(csrfToken), StringComparison.Ordinal)
        .Replace("{{maxImportMb}}", maxImportMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Load(string fileName)
    {
        using var stream = typeof(OfficerPage).Assembly.GetManifestResourceStream("CitizenBot.Host.Officer.wwwroot." + fileName)
            ?? throw new InvalidOperationException($"The officer page's {fileName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd('\n');
    }
}
