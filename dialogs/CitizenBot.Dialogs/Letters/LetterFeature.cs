using CitizenBot.Core.Letters;
using CitizenBot.Dialogs.Officers;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Letters;

/// <summary>Letters: congratulations, condolences, apologies and thanks written by the letter sweep; the admins' templates (/mauthu). Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class LetterFeature
{
    public static IServiceCollection AddLetterFeature(this IServiceCollection services, LetterOptions options)
    {
        services.AddLetters(options);
        services.AddSingleton<IOfficerCommand, LetterTemplateCommand>();
        return services;
    }
}
