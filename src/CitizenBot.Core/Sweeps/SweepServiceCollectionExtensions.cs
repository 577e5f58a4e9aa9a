using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Sweeps;

/// <summary>How a slice registers its sweeps.</summary>
public static class SweepServiceCollectionExtensions
{
    /// <summary>Registers a slice's sweep, as itself (tests run it directly) and as one of the host's recurring jobs.</summary>
    public static IServiceCollection AddSweep<T>(this IServiceCollection services) where T : class, ISweep
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISweep>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
