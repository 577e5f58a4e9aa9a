using CitizenBot.Core.Dossiers;
using CitizenBot.Dialogs.Dossiers;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Escalation;
using CitizenBot.Dialogs.Menu;
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
        services.AddSingleton<Dialog, MainMenuDialog>();
        services.AddSingleton<Dialog, MenuPrompt>();
        return services;
    }

    public static IServiceCollection AddDossierLookup(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("dossier", DossierTexts.MenuLabel, DossierLookupDialog.DialogId, 10, DossierTexts.MenuSynonyms));
        services.AddSingleton<IMenuShortcut, DossierCodeShortcut>();
        services.AddSingleton<Dialog, DossierLookupDialog>();
        services.AddSingleton<Dialog>(new TextPrompt(DossierLookupDialog.CodePromptId, DossierLookupDialog.ValidateCode));
        services.AddSingleton<Dialog>(new ChoicePrompt(DossierLookupDialog.NextPromptId));
        services.AddSingleton<Dialog>(new TextPrompt(DossierLookupDialog.DigitsPromptId, DossierLookupDialog.ValidateDigits));
        return services;
    }

    public static IServiceCollection AddAskOfficer(this IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry("officer", AskOfficerTexts.MenuLabel, Interruptions.OfficerDialogId, 90, AskOfficerTexts.MenuSynonyms));
        services.AddSingleton<Dialog, AskOfficerDialog>();
        services.AddSingleton<Dialog>(new TextPrompt(AskOfficerDialog.QuestionPromptId));
        return services;
    }

    /// <summary>A dossier code typed at the menu starts the lookup straight away.</summary>
    private sealed class DossierCodeShortcut : IMenuShortcut
    {
        public (string DialogId, IReadOnlyDictionary<string, string> Options)? Match(string text) =>
            DossierCode.IsWellFormed(text) ? (DossierLookupDialog.DialogId, new Dictionary<string, string> { ["code"] = text }) : null;
    }
}
