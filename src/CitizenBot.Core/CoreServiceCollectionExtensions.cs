using CitizenBot.Core.Commune;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core;

/// <summary>The shared core every slice stands on (the commune and its clock, conversations, the outbox). Each slice's own core registration lives in its folder (src/CitizenBot.Core/{Feature}/{Feature}Services.cs), called by its feature module (dialogs/CitizenBot.Dialogs/{Feature}/{Feature}Feature.cs); the host and the test harness call Features.AddFeatures.</summary>
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
        services.AddSweep<EmptyConversationSweep>();
        services.AddSingleton<IPersonalDataHolder, ConversationPersonalData>();
        services.AddSingleton<IPersonalDataHolder, OutboxPersonalData>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }
}
