using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Channels.Zalo;

public static class ZaloServiceCollectionExtensions
{
    /// <summary>The Zalo OA channel: webhook inbox, processor, sender, tokens and the officers' report.</summary>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, ZaloOptions options)
    {
        services.AddSingleton(options);
        services.AddHttpClient<ZaloApiClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new ChannelInbox(sp.GetRequiredService<CitizenDatabase>(), ZaloChannelSender.ChannelName, sp.GetRequiredService<DataSeal>()));
        services.AddSingleton(sp => new ReplyWindows(sp.GetRequiredService<CitizenDatabase>(), sp.GetRequiredService<TimeProvider>(),
            ZaloChannelSender.ChannelName, ZaloChannelSender.FreeWindow, ZaloChannelSender.FreeRepliesPerWindow));
        services.AddSingleton(sp => new ChannelTokens(sp.GetRequiredService<CitizenDatabase>(), ZaloChannelSender.ChannelName));
        services.AddSingleton<ZaloNotices>();
        services.AddSingleton<ZaloTokenStore>();
        services.AddSingleton<ZaloReport>();
        services.AddSingleton<IChannelSender, ZaloChannelSender>();
        services.AddSingleton<ZnsStore>();
        services.AddSingleton<ZnsNotices>();
        services.AddSingleton<ZnsChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<ZnsChannelSender>());
        services.AddSweep<ZnsApplicantSweep>();
        services.AddSingleton<IPersonalDataHolder, ZaloPersonalData>();
        services.AddHttpClient(ZaloPhotoSource.HttpClientName);
        services.AddSingleton<ZaloPhotoSource>();
        services.AddSingleton<CitizenBot.Core.Petitions.IPetitionPhotoSource>(sp => sp.GetRequiredService<ZaloPhotoSource>());
        services.AddSingleton<ZaloEventProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloEventProcessor>());
        services.AddHostedService<ZaloTokenKeeper>();
        return services;
    }
}
