using CitizenBot.Core.Dossiers;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Dossiers;

/// <summary>Dossiers: the citizens' lookup by code and the follows that tell them of changes; the officers' import. Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class DossierFeature
{
    public static IServiceCollection AddDossierFeature(this IServiceCollection services, FollowGuardOptions followGuard, LookupLimitOptions lookupLimits)
    {
        services.AddSingleton(followGuard);
        services.AddSingleton(lookupLimits);
        services.AddDossiers();
        services.AddSingleton(new MenuEntry("dossier", DossierTexts.MenuLabel, DossierLookupDialog.DialogId, 10, DossierTexts.MenuSynonyms, DossierTexts.MenuHelp));
        services.AddSingleton<IMenuShortcut, DossierCodeShortcut>();
        services.AddSingleton<LookupAllowance>();
        services.AddSingleton<Dialog, DossierLookupDialog>();
        return services;
    }

    /// <summary>A dossier code typed at the menu starts the lookup straight away.</summary>
    private sealed class DossierCodeShortcut : IMenuShortcut
    {
        public (string DialogId, IReadOnlyDictionary<string, string> Options)? Match(string text) =>
            DossierCode.IsWellFormed(text) ? (DossierLookupDialog.DialogId, new Dictionary<string, string> { ["code"] = text }) : null;
    }
}
