using CitizenBot.Core.Roles;
using Microsoft.AspNetCore.Authorization;

namespace CitizenBot.Host.OfficerConsole;

/// <summary>
/// The console's three doors. Each role includes the ones before it: <c>[Authorize(Policy = ConsolePolicies.Leader)]</c> on a
/// page model lets leaders and admins in. Every page under /officer needs at least <see cref="Officer"/>.
/// </summary>
public static class ConsolePolicies
{
    public const string Officer = "officer";
    public const string Leader = "leader";
    public const string Admin = "admin";

    public static AuthorizationBuilder AddConsolePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Officer, p => p.AddAuthenticationSchemes(ConsoleAuthentication.SchemeName).RequireAssertion(c => c.User.IsAtLeast(UserRole.Officer)))
        .AddPolicy(Leader, p => p.AddAuthenticationSchemes(ConsoleAuthentication.SchemeName).RequireAssertion(c => c.User.IsAtLeast(UserRole.Leader)))
        .AddPolicy(Admin, p => p.AddAuthenticationSchemes(ConsoleAuthentication.SchemeName).RequireAssertion(c => c.User.IsAtLeast(UserRole.Admin)));
}
