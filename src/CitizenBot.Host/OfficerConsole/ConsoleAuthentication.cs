using System.Text.Encodings.Web;
using CitizenBot.Core.Roles;
using CitizenBot.Host.Officer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CitizenBot.Host.OfficerConsole;

/// <summary>
/// The console's sign-in: the session cookie the login page sets (a random id, stored keyed-hashed in LiteDB by
/// <see cref="WebLogins"/>), or the shared officer token in a header for scripts. The role is read again on every request,
/// so a revoked officer is out at once. Not logged in: the login page, with the page asked for kept. Not allowed: a page
/// that says so in Vietnamese.
/// </summary>
public sealed class ConsoleAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    OfficerToken token, UserRoles roles, OfficerAccounts accounts, WebLogins logins, LoginThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "citizenbot-console";
    public const string LoginPath = "/officer/login";
    public const string DeniedPath = "/officer/denied";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (OfficerToken.HeaderTokenOf(Context) is { } headerToken)
        {
            // A token in a header is a login like any other: counted when wrong, and refused, even right, from a blocked address.
            var address = LoginThrottle.AddressOf(Context);
            if (throttle.IsBlocked(address))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            if (!token.Matches(headerToken))
            {
                throttle.Fail(address);
            }
        }

        // The token in a header is the shared admin (scripts); otherwise the session cookie, read here rather than through
        // OfficerToken.ActorOf, so a personal account that must still change its first password gets in (to that page only).
        var (actor, mustChange) = token.IsHeaderAuthenticated(Context)
            ? (OfficerToken.SharedActor, false)
            : logins.SessionOf(Request.Cookies[OfficerToken.SessionCookieName]) is { } session ? (session.UserKey, session.MustChangePassword) : (null, false);
        if (actor is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var (role, name) = actor == OfficerToken.SharedActor
            ? (UserRole.Admin, accounts.DisplayNameOf(actor))
            : (roles.Of(actor), accounts.DisplayNameOf(actor));
        if (role < UserRole.Officer)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(ConsoleUser.Principal(actor, name, role, SchemeName, mustChange), SchemeName)));
    }

    /// <summary>
    /// True for an admin of the console (the token in a header, or an admin's session): the jobs dashboard's door.
    /// A personal account that must still change its first password is not let through.
    /// </summary>
    public static bool IsAdmin(HttpContext http)
    {
        var actor = http.RequestServices.GetRequiredService<OfficerToken>().ActorOf(http);
        return actor is not null && (actor == OfficerToken.SharedActor || http.RequestServices.GetRequiredService<UserRoles>().Of(actor) >= UserRole.Admin);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var back = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect($"{LoginPath}?returnUrl={Uri.EscapeDataString(back)}");
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.Redirect(DeniedPath);
        return Task.CompletedTask;
    }
}
