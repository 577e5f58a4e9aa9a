using CitizenBot.Core.Privacy;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Privacy;

/// <summary>"Dữ liệu của tôi": a citizen sees, downloads and erases their data, or withdraws consent; the retention sweep forgets old data. Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services, PrivacyOptions options)
    {
        services.AddPrivacy(options);
        services.AddSingleton(new MenuEntry("privacy", MyDataTexts.MenuLabel, MyDataDialog.DialogId, 95, MyDataTexts.MenuSynonyms, MyDataTexts.MenuHelp, Activity: "xem dữ liệu của tôi"));
        services.AddSingleton<Dialog, MyDataDialog>();
        return services;
    }
}
