using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CitizenBot.Host.Web;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing (X-Frame-Options and CSP frame-ancestors), no referrer,
/// and a Content-Security-Policy. The pages' own scripts and styles are served files, or inline blocks allowed by
/// their SHA-256 (the web chat page's, hashed at start-up from the page itself, so an edit to the page stays allowed).
/// </summary>
public static partial class SecurityHeaders
{
    private const string Common = "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    /// <summary>The policy for the bot's own pages and API: only this origin, and inline blocks only by hash.</summary>
    public static string PagePolicy(params string[] pagesWithInlineBlocks)
    {
        var scripts = pagesWithInlineBlocks.SelectMany(p => Hashes(InlineScript(), p));
        var styles = pagesWithInlineBlocks.SelectMany(p => Hashes(InlineStyle(), p));
        return $"default-src 'none'; script-src 'self' {string.Join(' ', scripts)}; style-src 'self' {string.Join(' ', styles)}; "
            + $"img-src 'self' data:; connect-src 'self'; {Common}";
    }

    /// <summary>
    /// Hangfire's dashboard (1.8) serves its scripts as files, but its chart and tooltip libraries set styles inline:
    /// inline styles are allowed there, inline scripts, framing, plug-ins and other origins are not.
    /// </summary>
    public const string DashboardPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " + Common;

    public static WebApplication UseSecurityHeaders(this WebApplication app, string pagePolicy)
    {
        app.Use((http, next) =>
        {
            var dashboard = http.Request.Path.StartsWithSegments("/hangfire");
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = dashboard ? DashboardPolicy : pagePolicy;
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }

    /// <summary>The web chat page as the Channels assembly serves it (its inline script and style are allowed by hash).</summary>
    public static string WebChatPage()
    {
        using var stream = typeof(CitizenBot.Channels.Web.WebChannelSender).Assembly.GetManifestResourceStream("CitizenBot.Channels.Web.wwwroot.index.html")
            ?? throw new InvalidOperationException("The web chat page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> Hashes(Regex blocks, string html) =>
        blocks.Matches(html).Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'").Distinct();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
