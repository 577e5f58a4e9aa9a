using CitizenBot.Core.Figures;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Announcements;

/// <summary>The core half of the slice's registration, called by its feature module. Announcements: the board (also the chats' membership listener), the report sweep and subscriptions' personal data.</summary>
public static class AnnouncementServices
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<AnnouncementBook>();
        services.AddSingleton<IChatMembershipListener>(sp => sp.GetRequiredService<AnnouncementBook>());
        services.AddSingleton<AnnouncementReportSweep>();
        services.AddSingleton<ISummaryFigures, AnnouncementSummaryFigures>();
        services.AddSingleton<IPersonalDataHolder, SubscriptionPersonalData>();
        return services;
    }
}
