using CitizenBot.Core.Petitions;
using CitizenBot.Core.Petitions.WebPhotos;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Channels.Web.Photos;

public static class WebPhotoServices
{
    /// <summary>The web chat's photos: always on, as the web chat is. The store, the console's source, the sweep and personal data.</summary>
    public static IServiceCollection AddWebPhotos(this IServiceCollection services)
    {
        services.AddSingleton<WebPhotoBook>();
        services.AddSingleton<IPetitionPhotoSource, WebPhotoSource>();
        services.AddSweep<WebPhotoSweep>();
        services.AddSingleton<IPersonalDataHolder, WebPhotoPersonalData>();
        return services;
    }
}
