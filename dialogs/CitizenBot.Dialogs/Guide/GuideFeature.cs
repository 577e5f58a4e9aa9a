using CitizenBot.Core.Guide;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Guide;

/// <summary>
/// The procedures guide: citizens' free text answered from the officers' confirmed procedures, menu items reached
/// by typo, greetings and thanks, and the offer to ask an officer when nothing fits. Registers the slice in one
/// place: its core services, its dialog, its menu entry, the buttons it sends outside a dialog, and the menu's
/// free-text shortcut.
/// </summary>
public static class GuideFeature
{
    public static IServiceCollection AddGuideFeature(this IServiceCollection services)
    {
        services.AddGuide();
        services.AddSingleton(new MenuEntry("guide", GuideTexts.MenuLabel, GuideDialog.DialogId, 15, GuideTexts.MenuSynonyms, GuideTexts.MenuHelp, Anywhere: ["hướng dẫn", "/huongdan"]));
        services.AddSingleton<GuideAnswers>();
        services.AddSingleton<Dialog, GuideDialog>();
        services.AddSingleton(new PayloadRoute(GuideDialog.PayloadPrefix, GuideDialog.DialogId));
        // After the slices whose shortcuts claim a precise shape (a dossier code): free text is the guide's.
        services.AddSingleton<IMenuShortcut, FreeTextShortcut>();
        return services;
    }

    /// <summary>Any free text with a letter in it, typed at the menu, is answered by the guide.</summary>
    private sealed class FreeTextShortcut : IMenuShortcut
    {
        public (string DialogId, IReadOnlyDictionary<string, string> Options)? Match(string text) =>
            text.Any(char.IsLetter) ? (GuideDialog.DialogId, new Dictionary<string, string> { ["text"] = text.Trim() }) : null;
    }
}
