using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Guide;

/// <summary>The core half of the slice's registration, called by its feature module. Guide: the procedures, their import and export, and the matcher.</summary>
public static class GuideServices
{
    public static IServiceCollection AddGuide(this IServiceCollection services)
    {
        services.AddSingleton<GuideBook>();
        services.AddSingleton<GuideImporter>();
        services.AddSingleton<GuidePendingFiles>();
        return services;
    }
}
