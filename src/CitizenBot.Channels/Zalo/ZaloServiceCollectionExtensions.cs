using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Channels.Zalo;

public static class ZaloServiceCollectionExtensions
{
    /// <summary>The Zalo OA channel: webhook inbox, processor, sender, tokens and the officers' report.</summary>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, ZaloOptions options)
    {
        services.AddSingleton(options);
        services.AddHttpClient<ZaloApiClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ZaloInbox>();
        services.AddSingleton<ZaloContacts>();
        services.AddSingleton<ZaloNotices>();
        services.AddSingleton<ZaloTokenStore>();
        services.AddSingleton<ZaloReport>();
        services.AddSingleton<Core.Messaging.IChannelSender, ZaloChannelSender>();
        services.AddSingleton<ZaloEventProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloEventProcessor>());
        services.AddHostedService<ZaloTokenKeeper>();
        return services;
    }
}
