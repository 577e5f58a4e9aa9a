using System.Security.Claims;
using CitizenBot.Core.Roles;

namespace CitizenBot.Host.OfficerConsole;

/// <summary>
/// Who is using the officer console, as the request's <see cref="ClaimsPrincipal"/> carries it: the actor key written to
/// the audit log ("account:lan", "telegram:12345", "web:officer" for the shared token in a header), a name to show, a role.
/// </summary>
public static class ConsoleUser
{
    public const string ActorClaim = ClaimTypes.NameIdentifier;

    /// <summary>The actor key every action is audited under; "" when nobody is logged in.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(ActorClaim) ?? "";

    /// <summary>The name shown in the console's header and beside the actions one took.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public static UserRole Role(this ClaimsPrincipal user) =>
        Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : UserRole.Citizen;

    public static bool IsAtLeast(this ClaimsPrincipal user, UserRole role) => user.Role() >= role;

    /// <summary>Present while a personal account still has its first password: every console page sends the person to change it.</summary>
    public const string MustChangePasswordClaim = "citizenbot:must-change-password";

    /// <summary>The login name of a personal account ("lan.nguyen"), or null for a Telegram user or the shared token.</summary>
    public static string? AccountLogin(this ClaimsPrincipal user) =>
        user.Actor() is { } actor && actor.StartsWith(OfficerAccounts.KeyPrefix, StringComparison.Ordinal) ? actor[OfficerAccounts.KeyPrefix.Length..] : null;

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePasswordClaim);

    public static ClaimsPrincipal Principal(string actor, string displayName, UserRole role, string scheme) => Principal(actor, displayName, role, scheme, false);

    public static ClaimsPrincipal Principal(string actor, string displayName, UserRole role, string scheme, bool mustChangePassword)
    {
        var identity = new ClaimsIdentity([new Claim(ActorClaim, actor), new Claim(ClaimTypes.Name, displayName), new Claim(ClaimTypes.Role, role.ToString())], scheme);
        if (mustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return new ClaimsPrincipal(identity);
    }
}
