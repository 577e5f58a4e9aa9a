using CitizenBot.Core.Roles;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Officers;

/// <summary>Roles and officers: who is an officer, a leader or an admin, granted and revoked by command; officers' web login codes.</summary>
public static class RoleFeature
{
    public static IServiceCollection AddRoleFeature(this IServiceCollection services, RoleOptions options)
    {
        services.AddRoles(options);
        services.AddSingleton<IOfficerCommand, GrantRoleCommand>();
        services.AddSingleton<IOfficerCommand, RevokeRoleCommand>();
        services.AddSingleton<IOfficerCommand, WebLoginCommand>();
        return services;
    }
}
