using CitizenBot.Core.Figures;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Letters;

/// <summary>The core half of the slice's registration, called by its feature module. Letters: templates, the book, the sweep that sends them and their personal data.</summary>
public static class LetterServices
{
    public static IServiceCollection AddLetters(this IServiceCollection services, LetterOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<LetterTemplates>();
        services.AddSingleton<LetterBook>();
        services.AddSingleton<ISummaryFigures, LetterSummaryFigures>();
        services.AddSweep<LetterSweep>();
        services.AddSingleton<IPersonalDataHolder, LetterPersonalData>();
        return services;
    }
}
