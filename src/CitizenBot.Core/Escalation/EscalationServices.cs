using CitizenBot.Core.Commune;
using CitizenBot.Core.Figures;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Escalation;

/// <summary>The core half of the slice's registration, called by its feature module. Escalation: officers' questions, the unanswered and relay sweeps, and the questions' personal data.</summary>
public static class EscalationServices
{
    public static IServiceCollection AddEscalation(this IServiceCollection services, EscalationOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<QuestionBook>();
        services.AddSingleton<SavedAnswerBook>();
        services.AddSweep<UnansweredQuestionSweep>();
        services.AddSweep<QuestionRelaySweep>();
        services.AddSingleton<ISummaryFigures, QuestionSummaryFigures>();
        services.AddSingleton<IPersonalDataHolder, QuestionPersonalData>();
        return services;
    }
}
