using Microsoft.Extensions.DependencyInjection.Extensions;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;
using CitizenBot.Dialogs.Dossiers;
using CitizenBot.Dialogs.Announcements;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Escalation;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Dialogs.Officers;
using CitizenBot.Dialogs.Petitions;
using CitizenBot.Dialogs.Ratings;
using CitizenBot.Dialogs.Reception;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs;

/// <summary>Each slice registers its dialogs, prompts and menu entry; the engine only knows them by id.</summary>
public static class DialogServiceCollectionExtensions
{
    public static IServiceCollection AddDialogEngine(this IServiceCollection services)
    {
        services.AddSingleton<DialogSet>();
        services.AddSingleton<Interruptions>();
        services.AddSingleton<ConversationBot>();
        services.TryAddSingleton(new RateLimitOptions());
        services.AddSingleton<TurnRateLimiter>();
        services.AddSingleton<Dialog, MainMenuDialog>();
        services.AddSingleton<Dialog, MenuPrompt>();
        services.AddSingleton<OfficerCommands>();
        services.AddSingleton<IOfficerCommand, OfficerHelpCommand>();
        services.AddSingleton<IOfficerCommand, GrantRoleCommand>();
        services.AddSingleton<IOfficerCommand, RevokeRoleCommand>();
        services.AddSingleton<IOfficerCommand, WebLoginCommand>();
        return services;
    }

    /// <summary>The letter system's admin command (/mauthu); the letters themselves are written by the letter sweep.</summary>
    public static IServiceCollection AddLetterTemplates(this IServiceCollection services)
    {
        services.AddSingleton<IOfficerCommand, Letters.LetterTemplateCommand>();
        return services;
    }

    /// <summary>The leaders' summary command (/baocao); the monthly one is sent by the summary job.</summary>
    public static IServiceCollection AddSummaryCommand(this IServiceCollection services)
    {
        services.AddSingleton<IOfficerCommand, Summaries.SummaryCommand>();
        return services;
    }

    /// <summary>"Dữ liệu của tôi": a citizen sees, downloads and erases their data, or withdraws consent.</summary>
    public static IServiceCollection AddMyData(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("privacy", Privacy.MyDataTexts.MenuLabel, Privacy.MyDataDialog.DialogId, 95, Privacy.MyDataTexts.MenuSynonyms));
        services.AddSingleton<Dialog, Privacy.MyDataDialog>();
        return services;
    }

    public static IServiceCollection AddReceptionBooking(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("reception", BookingTexts.MenuLabel, BookReceptionDialog.DialogId, 20, BookingTexts.MenuSynonyms));
        services.AddSingleton(new MenuEntry("reception.mine", BookingTexts.MineLabel, MyBookingsDialog.DialogId, 25, BookingTexts.MineSynonyms));
        services.AddSingleton(new PayloadRoute("bk:", MyBookingsDialog.DialogId));
        services.AddSingleton<Dialog, BookReceptionDialog>();
        services.AddSingleton<Dialog, MyBookingsDialog>();
        services.AddSingleton<IOfficerCommand, DayBookingsCommand>();
        services.AddSingleton<IOfficerCommand>(sp => new MarkBookingCommand(sp.GetRequiredService<ReceptionBookings>(), sp.GetRequiredService<CommuneClock>(), attended: true));
        services.AddSingleton<IOfficerCommand>(sp => new MarkBookingCommand(sp.GetRequiredService<ReceptionBookings>(), sp.GetRequiredService<CommuneClock>(), attended: false));
        services.AddSingleton<IOfficerCommand, ExportBookingsCommand>();
        services.AddSingleton<IOfficerCommand, AddSessionCommand>();
        return services;
    }

    public static IServiceCollection AddPetitionFlows(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("petition", PetitionDialogTexts.MenuLabel, SubmitPetitionDialog.DialogId, 30, PetitionDialogTexts.MenuSynonyms));
        services.AddSingleton(new MenuEntry("petition.mine", PetitionDialogTexts.MineLabel, MyPetitionsDialog.DialogId, 35, PetitionDialogTexts.MineSynonyms));
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

    public static IServiceCollection AddAnnouncementFlows(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("announcements", AnnouncementDialogTexts.MenuLabel, SubscribeDialog.DialogId, 50, AnnouncementDialogTexts.MenuSynonyms));
        services.AddSingleton<Dialog, SubscribeDialog>();
        services.AddSingleton<Dialog, ComposeAnnouncementDialog>();
        services.AddSingleton<IOfficerCommand, ComposeAnnouncementCommand>();
        services.AddSingleton<IOfficerCommand, RegisterVillageGroupCommand>();
        services.AddSingleton<IOfficerCommand, AnnouncementReportCommand>();
        return services;
    }

    public static IServiceCollection AddServiceRating(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("rating", RateServiceTexts.MenuLabel, RateServiceDialog.DialogId, 40, RateServiceTexts.MenuSynonyms));
        services.AddSingleton(new PayloadRoute(RatingInvitationSweep.PayloadPrefix, RateServiceDialog.DialogId));
        services.AddSingleton<Dialog, RateServiceDialog>();
        services.AddSingleton<IOfficerCommand, RatingTallyCommand>();
        return services;
    }

    public static IServiceCollection AddDossierLookup(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("dossier", DossierTexts.MenuLabel, DossierLookupDialog.DialogId, 10, DossierTexts.MenuSynonyms));
        services.AddSingleton<IMenuShortcut, DossierCodeShortcut>();
        services.TryAddSingleton(new LookupLimitOptions());
        services.AddSingleton<LookupAllowance>();
        services.AddSingleton<Dialog, DossierLookupDialog>();
        return services;
    }

    public static IServiceCollection AddAskOfficer(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("officer", AskOfficerTexts.MenuLabel, Interruptions.OfficerDialogId, 90, AskOfficerTexts.MenuSynonyms));
        services.AddSingleton<Dialog, AskOfficerDialog>();
        // Registered last: free text is the officers' only when no other slice claims it.
        services.AddSingleton<IMenuShortcut, UnmatchedQuestionShortcut>();
        services.AddSingleton<IOfficerCommand, AnswerQuestionCommand>();
        services.AddSingleton<IOfficerCommand, OpenQuestionsCommand>();
        services.AddSingleton<IOfficerReplyHandler, QuestionReplyHandler>();
        return services;
    }

    /// <summary>A dossier code typed at the menu starts the lookup straight away.</summary>
    private sealed class DossierCodeShortcut : IMenuShortcut
    {
        public (string DialogId, IReadOnlyDictionary<string, string> Options)? Match(string text) =>
            DossierCode.IsWellFormed(text) ? (DossierLookupDialog.DialogId, new Dictionary<string, string> { ["code"] = text }) : null;
    }
}
