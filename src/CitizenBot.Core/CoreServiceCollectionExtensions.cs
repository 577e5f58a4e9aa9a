using CitizenBot.Core.Announcements;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Summaries;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitizenBot.Core;

/// <summary>The core half of each slice's registration; each feature module (dialogs/CitizenBot.Dialogs/{Feature}/{Feature}Feature.cs) calls its own, and the host and the test harness call Features.AddFeatures.</summary>
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

    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddSingleton<DossierStore>();
        services.TryAddSingleton(new FollowGuardOptions());
        services.AddSingleton<DossierFollows>();
        services.AddSingleton<DossierImporter>();
        services.AddSingleton<DossierImports>();
        services.AddSweep<DossierFollowSweep>();
        services.AddSingleton<IPersonalDataHolder, FollowPersonalData>();
        services.AddSingleton<IRatingSubjectSource, ResolvedDossierSubjects>();
        services.AddSingleton<ILetterSource, DossierLetterSource>();
        return services;
    }

    public static IServiceCollection AddRoles(this IServiceCollection services, RoleOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<UserRoles>();
        services.AddSingleton<WebLogins>();
        services.AddSingleton<AuditLog>();
        return services;
    }

    public static IServiceCollection AddReception(this IServiceCollection services, ReceptionOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ReceptionCalendar>();
        services.AddSingleton<ReceptionBookings>();
        services.AddSweep<BookingReminderSweep>();
        services.AddSingleton<BookingExport>();
        services.AddSingleton<IPersonalDataHolder, BookingPersonalData>();
        services.AddSingleton<IRatingSubjectSource, AttendedBookingSubjects>();
        services.AddSingleton<ICitizenDirectory>(sp => sp.GetRequiredService<ReceptionBookings>());
        return services;
    }

    public static IServiceCollection AddPetitions(this IServiceCollection services, PetitionOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new DataSeal(options.IdentityKey));
        services.AddSingleton<IdentitySeal>();
        services.AddSingleton<PetitionBook>();
        services.AddSweep<PetitionDeadlineSweep>();
        services.AddSingleton<IPersonalDataHolder, PetitionPersonalData>();
        services.AddSingleton<IRatingSubjectSource, AnsweredPetitionSubjects>();
        services.AddSingleton<ILetterSource, PetitionLetterSource>();
        services.AddSingleton<ICitizenDirectory>(sp => sp.GetRequiredService<PetitionBook>());
        return services;
    }

    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<AnnouncementBoard>();
        services.AddSingleton<IChatMembershipListener>(sp => sp.GetRequiredService<AnnouncementBoard>());
        services.AddSingleton<AnnouncementReportSweep>();
        services.AddSingleton<IPersonalDataHolder, SubscriptionPersonalData>();
        return services;
    }

    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddSingleton<RatingBook>();
        services.AddSweep<RatingInvitationSweep>();
        services.AddSingleton<IPersonalDataHolder, RatingPersonalData>();
        services.AddSingleton<RatingLetterSource>();
        services.AddSingleton<ILetterSource>(sp => sp.GetRequiredService<RatingLetterSource>());
        return services;
    }

    public static IServiceCollection AddLetters(this IServiceCollection services, LetterOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<LetterTemplates>();
        services.AddSingleton<LetterBook>();
        services.AddSweep<LetterSweep>();
        services.AddSingleton<IPersonalDataHolder, LetterPersonalData>();
        return services;
    }

    public static IServiceCollection AddSummaries(this IServiceCollection services, SummaryOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<SummaryCompiler>();
        services.AddSweep<MonthlySummarySweep>();
        return services;
    }

    public static IServiceCollection AddPrivacy(this IServiceCollection services, PrivacyOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<PrivacyOffice>();
        services.AddSweep<RetentionSweep>();
        return services;
    }

    public static IServiceCollection AddEscalation(this IServiceCollection services, EscalationOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<OfficerQuestions>();
        services.AddSweep<UnansweredQuestionSweep>();
        services.AddSweep<QuestionRelaySweep>();
        services.AddSingleton<IPersonalDataHolder, QuestionPersonalData>();
        return services;
    }
}
