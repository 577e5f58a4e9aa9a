using CitizenBot.Core;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Summaries;
using CitizenBot.Dialogs.Announcements;
using CitizenBot.Dialogs.Dossiers;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Escalation;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Dialogs.Letters;
using CitizenBot.Dialogs.Officers;
using CitizenBot.Dialogs.Petitions;
using CitizenBot.Dialogs.Privacy;
using CitizenBot.Dialogs.Ratings;
using CitizenBot.Dialogs.Reception;
using CitizenBot.Dialogs.Summaries;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs;

/// <summary>The settings each feature takes; the host reads them from configuration, the tests write them.</summary>
public sealed record FeatureSettings
{
    public required CommuneOptions Commune { get; init; }

    public required RoleOptions Roles { get; init; }

    public required EscalationOptions Escalation { get; init; }

    public required ReceptionOptions Reception { get; init; }

    public required PetitionOptions Petitions { get; init; }

    public LetterOptions Letters { get; init; } = new();

    public SummaryOptions Summaries { get; init; } = new();

    public PrivacyOptions Privacy { get; init; } = new();

    public RateLimitOptions RateLimits { get; init; } = new();

    public FollowGuardOptions FollowGuard { get; init; } = new();

    public LookupLimitOptions LookupLimits { get; init; } = new();
}

/// <summary>The bot's table of contents: the shared pieces, then one line per feature. The host and the test harness both call it.</summary>
public static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, FeatureSettings settings)
    {
        services.AddCommune(settings.Commune).AddMessaging();
        services.AddSingleton(settings.RateLimits);
        services.AddDialogEngine();
        // The order is the order of the officers' /canbo list, of a citizen's data export, and of the menu's
        // shortcuts: escalation's claims free text no other feature claimed, so it comes after those that have one.
        services.AddRoleFeature(settings.Roles);
        services.AddDossierFeature(settings.FollowGuard, settings.LookupLimits);
        services.AddReceptionFeature(settings.Reception);
        services.AddPetitionFeature(settings.Petitions);
        services.AddRatingFeature();
        services.AddAnnouncementFeature();
        services.AddGuideFeature();
        services.AddEscalationFeature(settings.Escalation);
        services.AddLetterFeature(settings.Letters);
        services.AddSummaryFeature(settings.Summaries);
        services.AddPrivacyFeature(settings.Privacy);
        return services;
    }
}
