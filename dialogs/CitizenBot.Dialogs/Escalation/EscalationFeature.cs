using CitizenBot.Core.Commune;
using CitizenBot.Core.Escalation;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Dialogs.Officers;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Escalation;

/// <summary>Escalation: a citizen's question relayed to the officers' chat, and their answer relayed back. Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class EscalationFeature
{
    public static IServiceCollection AddEscalationFeature(this IServiceCollection services, EscalationOptions options)
    {
        services.AddEscalation(options);
        services.AddSingleton(new MenuEntry("officer", AskOfficerTexts.MenuLabel, AskOfficerDialog.DialogId, 90, AskOfficerTexts.MenuSynonyms, AskOfficerTexts.MenuHelp));
        services.AddSingleton<Dialog, AskOfficerDialog>();
        services.AddSingleton<IOfficerCommand, AnswerQuestionCommand>();
        services.AddSingleton<IOfficerCommand, OpenQuestionsCommand>();
        services.AddSingleton<IOfficerReplyHandler, QuestionReplyHandler>();
        services.AddSingleton<IInterruption, AskOfficerInterruption>();
        return services;
    }
}
