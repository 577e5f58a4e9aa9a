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

    public static ClaimsPrincipal Principal(string actor, string displayName, UserRole role, string scheme) => new(new ClaimsIdentity(
        [new Claim(ActorClaim, actor), new Claim(ClaimTypes.Name, displayName), new Claim(ClaimTypes.Role, role.ToString())], scheme));
}
