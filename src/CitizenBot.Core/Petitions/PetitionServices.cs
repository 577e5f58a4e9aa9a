using CitizenBot.Core.Escalation;
using CitizenBot.Core.Figures;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Petitions;

/// <summary>The core half of the slice's registration, called by its feature module. Petitions: the book, the identity seal, the deadline sweep, personal data, rating subjects, letters and the citizen directory.</summary>
public static class PetitionServices
{
    public static IServiceCollection AddPetitions(this IServiceCollection services, PetitionOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new DataSeal(options.IdentityKey));
        services.AddSingleton<IdentitySeal>();
        services.AddSingleton<PetitionBook>();
        services.AddSingleton<PetitionPhotos>();
        services.AddSingleton<PetitionSearch>();
        services.AddSweep<PetitionDeadlineSweep>();
        services.AddSingleton<ISummaryFigures, PetitionSummaryFigures>();
        services.AddSingleton<IPersonalDataHolder, PetitionPersonalData>();
        services.AddSingleton<IRatingSubjectSource, AnsweredPetitionSubjects>();
        services.AddSingleton<ILetterSource, PetitionLetterSource>();
        services.AddSingleton<ICitizenDirectory>(sp => sp.GetRequiredService<PetitionBook>());
        return services;
    }
}
