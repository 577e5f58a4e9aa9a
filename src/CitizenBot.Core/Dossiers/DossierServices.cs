using CitizenBot.Core.Figures;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitizenBot.Core.Dossiers;

/// <summary>The core half of the slice's registration, called by its feature module. Dossiers: the store, follows, imports and their sweep, the follows' personal data, rating subjects and letters.</summary>
public static class DossierServices
{
    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddSingleton<DossierBook>();
        services.AddSingleton<ISummaryFigures, DossierSummaryFigures>();
        services.TryAddSingleton(new FollowGuardOptions());
        services.AddSingleton<FollowBook>();
        services.AddSingleton<DossierImporter>();
        services.AddSingleton<ImportBook>();
        services.AddSingleton<PendingImports>();
        services.AddSweep<DossierFollowSweep>();
        services.AddSingleton<IPersonalDataHolder, FollowPersonalData>();
        services.AddSingleton<IRatingSubjectSource, ResolvedDossierSubjects>();
        services.AddSingleton<ILetterSource, DossierLetterSource>();
        return services;
    }
}
