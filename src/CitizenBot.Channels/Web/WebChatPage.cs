using System.Net;
using CitizenBot.Core.Commune;

namespace CitizenBot.Channels.Web;

/// <summary>The chat page, embedded in the assembly so the host serves it from any working folder.</summary>
internal static class WebChatPage
{
    public static readonly string Html = Load();

    /// <summary>
    /// The page with the commune's name, phone (a tel: link) and address in its header; a missing one is left out. Only the
    /// markup changes, never the inline script or style, so the policy's hashes taken from <see cref="Html"/> still hold.
    /// </summary>
    public static string For(CommuneOptions commune)
    {
        var name = WebUtility.HtmlEncode(commune.Name);
        var lines = new List<string>();
        if (commune.Phone is { } phone)
        {
            var dial = new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
            lines.Add($"<a class=\"contact\" href=\"tel:{WebUtility.HtmlEncode(dial)}\">📞 {WebUtility.HtmlEncode(phone)}</a>");
        }

        if (commune.Address is { } address)
        {
            lines.Add($"<span class=\"contact\">📍 {WebUtility.HtmlEncode(address)}</span>");
        }

        return Html.Replace("<!--commune-name-->", name, StringComparison.Ordinal)
            .Replace("<!--commune-contacts-->", string.Join("", lines), StringComparison.Ordinal);
    }

    private static string Load()
    {
        using var stream = typeof(WebChatPage).Assembly.GetManifestResourceStream("CitizenBot.Channels.Web.wwwroot.index.html")
            ?? throw new InvalidOperationException("The web chat page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
