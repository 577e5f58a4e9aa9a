using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitizenBot.Core.Roles;

/// <summary>The core half of the slice's registration, called by its feature module. Roles: who is an officer, a leader or an admin; web logins and the audit log.</summary>
public static class RoleServices
{
    public static IServiceCollection AddRoles(this IServiceCollection services, RoleOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<UserRoles>();
        services.AddSingleton<WebLogins>();
        services.TryAddSingleton(new AccountLockoutPolicy());
        services.AddSingleton<OfficerAccounts>();
        services.AddSingleton<AuditLog>();
        return services;
    }
}
