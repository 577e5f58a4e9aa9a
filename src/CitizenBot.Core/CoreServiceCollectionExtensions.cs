using CitizenBot.Core.Commune;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core;

/// <summary>The core slices' services, registered once for the host and the test harnesses alike.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCommune(this IServiceCollection services, CommuneOptions commune)
    {
        services.AddSingleton(commune);
        services.AddSingleton<CommuneClock>();
        return services;
    }

    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }

    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddSingleton<DossierStore>();
        services.AddSingleton<DossierFollows>();
        services.AddSingleton<DossierImporter>();
        services.AddSingleton<DossierFollowSweep>();
        return services;
    }

    public static IServiceCollection AddEscalation(this IServiceCollection services, EscalationOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<OfficerQuestions>();
        return services;
    }
}
