using System.Security.Cryptography;
using System.Text;

namespace CitizenBot.Host.Officer;

/// <summary>
/// The officer access token: from Officer:Token, or generated once into the data folder (readable only by
/// the host's user), so the CLI on the same machine can hand work to the running host.
/// </summary>
public sealed class OfficerToken
{
    public const string FileName = "officer-token";
    public const string HeaderName = "X-Officer-Token";
    public const string SessionCookieName = "citizenbot_officer_session";

    /// <summary>Who acts on the web when the shared token is used (an officer's own login names them).</summary>
    public const string SharedActor = "web:officer";

    private readonly byte[] _token;

    private OfficerToken(string token)
    {
        Value = token;
        _token = Encoding.UTF8.GetBytes(token);
    }

    public string Value { get; }

    public static OfficerToken Resolve(string? configured, string dataDir)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new OfficerToken(configured.Trim());
        }

        var path = Path.Combine(dataDir, FileName);
        if (File.Exists(path))
        {
            return new OfficerToken(File.ReadAllText(path).Trim());
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(path, token);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new OfficerToken(token);
    }

    /// <summary>Reads the token a running host uses, for the CLI.</summary>
    public static string? Read(string? configured, string dataDir)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        var path = Path.Combine(dataDir, FileName);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);

    public bool IsAuthorized(HttpContext http) => ActorOf(http) is not null;

    /// <summary>The token sent in a header (X-Officer-Token, or Authorization: Bearer): a script, no cookie, so no forgery to fear.</summary>
    public static string? HeaderTokenOf(HttpContext http) =>
        http.Request.Headers[HeaderName].FirstOrDefault()
        ?? (http.Request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null);

    public bool IsHeaderAuthenticated(HttpContext http) => Matches(HeaderTokenOf(http));

    /// <summary>
    /// The officer a request acts for: the shared actor with the token in a header, else the user behind the session cookie
    /// (an officer's own, or the shared actor's after a login with the token), else null.
    /// Worked out once per request (a session is a database read) and kept with the request.
    /// </summary>
    public string? ActorOf(HttpContext http)
    {
        if (http.Items.TryGetValue(ActorItem, out var known))
        {
            return (string?)known;
        }

        var actor = IsHeaderAuthenticated(http)
            ? SharedActor
            : http.RequestServices.GetService<CitizenBot.Core.Roles.WebLogins>()?.UserOf(http.Request.Cookies[SessionCookieName]);
        http.Items[ActorItem] = actor;
        return actor;
    }

    private const string ActorItem = "citizenbot.officer";
}
