using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Dialogs.Officers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitizenBot.Dialogs;

/// <summary>The dialog engine, the main menu and the officers' command router; the features add themselves (see <see cref="Features"/>), and the engine only knows them by id.</summary>
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
        services.AddSingleton<IInterruption>(sp => sp.GetRequiredService<OfficerCommands>());
        services.AddSingleton<IInterruption, MenuEntryInterruption>();
        return services;
    }
}
