using CitizenBot.Core.Ratings;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Dialogs.Officers;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Ratings;

/// <summary>Ratings: citizens rate the service, invited after a resolved dossier, an answered petition or an attended meeting. Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class RatingFeature
{
    public static IServiceCollection AddRatingFeature(this IServiceCollection services)
    {
        services.AddRatings();
        services.AddSingleton(new MenuEntry("rating", RateServiceTexts.MenuLabel, RateServiceDialog.DialogId, 40, RateServiceTexts.MenuSynonyms, RateServiceTexts.MenuHelp));
        services.AddSingleton(new PayloadRoute(RatingInvitationSweep.PayloadPrefix, RateServiceDialog.DialogId));
        services.AddSingleton<Dialog, RateServiceDialog>();
        services.AddSingleton<IOfficerCommand, RatingTallyCommand>();
        return services;
    }
}
