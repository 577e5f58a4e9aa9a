using CitizenBot.Core.Summaries;
using CitizenBot.Dialogs.Officers;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Summaries;

/// <summary>Summaries: the leaders' summary on demand (/baocao) and the monthly one sent by its sweep. Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class SummaryFeature
{
    public static IServiceCollection AddSummaryFeature(this IServiceCollection services, SummaryOptions options)
    {
        services.AddSummaries(options);
        services.AddSingleton<IOfficerCommand, SummaryCommand>();
        return services;
    }
}
