using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Privacy;

/// <summary>The core half of the slice's registration, called by its feature module. Privacy: the office that exports and erases a citizen's data, and the retention sweep.</summary>
public static class PrivacyServices
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, PrivacyOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<PrivacyOffice>();
        services.AddSweep<RetentionSweep>();
        return services;
    }
}
