using CitizenBot.Core.Announcements;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Dialogs.Officers;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Announcements;

/// <summary>Announcements: citizens subscribe by village; officers send announcements to subscribers and village groups. Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class AnnouncementFeature
{
    public static IServiceCollection AddAnnouncementFeature(this IServiceCollection services)
    {
        services.AddAnnouncements();
        services.AddSingleton(new MenuEntry("announcements", AnnouncementDialogTexts.MenuLabel, SubscribeDialog.DialogId, 50, AnnouncementDialogTexts.MenuSynonyms, AnnouncementDialogTexts.MenuHelp, Activity: "đăng ký nhận thông báo của thôn"));
        services.AddSingleton<Dialog, SubscribeDialog>();
        services.AddSingleton<Dialog, ComposeAnnouncementDialog>();
        services.AddSingleton<IOfficerCommand, ComposeAnnouncementCommand>();
        services.AddSingleton<IOfficerCommand, RegisterVillageGroupCommand>();
        services.AddSingleton<IOfficerCommand, AnnouncementReportCommand>();
        return services;
    }
}
