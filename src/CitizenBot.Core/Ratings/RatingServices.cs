using CitizenBot.Core.Figures;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Ratings;

/// <summary>The core half of the slice's registration, called by its feature module. Ratings: the book, the invitation sweep, personal data and the rating letters.</summary>
public static class RatingServices
{
    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddSingleton<RatingBook>();
        services.AddSweep<RatingInvitationSweep>();
        services.AddSingleton<ISummaryFigures, RatingSummaryFigures>();
        services.AddSingleton<IPersonalDataHolder, RatingPersonalData>();
        services.AddSingleton<RatingLetterSource>();
        services.AddSingleton<ILetterSource>(sp => sp.GetRequiredService<RatingLetterSource>());
        return services;
    }
}
