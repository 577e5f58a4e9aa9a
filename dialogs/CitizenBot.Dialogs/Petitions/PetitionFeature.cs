using CitizenBot.Core.Petitions;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Dialogs.Officers;
using CitizenBot.Dialogs.Reception;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>Petitions: reports, proposals and denunciations, their deadlines and the officers' handling. Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class PetitionFeature
{
    public static IServiceCollection AddPetitionFeature(this IServiceCollection services, PetitionOptions options)
    {
        services.AddPetitions(options);
        services.AddSingleton(new MenuEntry("petition", PetitionDialogTexts.MenuLabel, SubmitPetitionDialog.DialogId, 30, PetitionDialogTexts.MenuSynonyms, PetitionDialogTexts.MenuHelp));
        services.AddSingleton(new MenuEntry("petition.mine", PetitionDialogTexts.MineLabel, MyPetitionsDialog.DialogId, 35, PetitionDialogTexts.MineSynonyms, PetitionDialogTexts.MineHelp, Activity: "xem kiến nghị của tôi"));
        services.AddSingleton<Dialog, SubmitPetitionDialog>();
        services.AddSingleton<Dialog, MyPetitionsDialog>();
        services.AddSingleton<IOfficerCommand, OpenPetitionsCommand>();
        services.AddSingleton<IOfficerCommand, ViewPetitionCommand>();
        foreach (var index in Enumerable.Range(0, 6))
        {
            services.AddSingleton<IOfficerCommand>(sp => PetitionStatusCommand.All(sp.GetRequiredService<PetitionBook>()).ElementAt(index));
        }

        return services;
    }
}
