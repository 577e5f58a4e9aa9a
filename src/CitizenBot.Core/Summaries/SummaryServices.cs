using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Summaries;

/// <summary>The core half of the slice's registration, called by its feature module. Summaries: the compiler and the monthly sweep.</summary>
public static class SummaryServices
{
    public static IServiceCollection AddSummaries(this IServiceCollection services, SummaryOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<SummaryCompiler>();
        services.AddSweep<MonthlySummarySweep>();
        return services;
    }
}
