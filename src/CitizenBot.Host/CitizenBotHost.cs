using CitizenBot.Channels;
using CitizenBot.Channels.Telegram;
using CitizenBot.Channels.Web;
using CitizenBot.Channels.Web.Photos;
using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Summaries;
using CitizenBot.Dialogs;
using CitizenBot.Host.Configuration;
using CitizenBot.Host.Demo;
using CitizenBot.Host.Jobs;
using CitizenBot.Host.Logging;
using CitizenBot.Host.Officer;
using CitizenBot.Host.OfficerConsole;
using CitizenBot.Host.Web;
using Hangfire;
using Hangfire.PostgreSql;
using Telegram.Bot;

namespace CitizenBot.Host;

/// <summary>The composition root: reads like a table of contents of the bot.</summary>
public static class CitizenBotHost
{
    /// <summary>Builds the web application; tests pass their own services (a fake clock) through <paramref name="configure"/>.</summary>
    public static WebApplication Build(string[] args, HostSettings settings, CitizenDatabase db, bool seedDemo, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddConsole(options => options.FormatterName = RedactingConsoleFormatter.FormatterName)
            .AddConsoleFormatter<RedactingConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();

        var services = builder.Services;
        builder.Configuration.HideBlankValues(builder.Configuration);
        services.AddSettings();
        services.AddSingleton(settings);
        services.AddSingleton(db);
        services.AddSingleton(TimeProvider.System);
        services.AddFeatures(new FeatureSettings
        {
            Commune = settings.Commune,
            Roles = Roles(settings),
            Escalation = OfficersChat(settings),
            Reception = settings.Reception,
            Petitions = PetitionSettings.Load(builder.Configuration, db.DataDir, settings.Reception),
            Letters = new LetterOptions { LookbackDays = settings.LetterLookbackDays },
            Summaries = new SummaryOptions { LeadersChat = LeadersChat(settings) },
            Privacy = new PrivacyOptions { RetentionMonths = settings.RetentionMonths },
            RateLimits = new CitizenBot.Dialogs.Engine.RateLimitOptions { TurnsPerWindow = settings.TurnsPerMinute, QuestionsPerDay = settings.QuestionsPerDay,
                QuestionsPerSenderPerDay = settings.QuestionsPerSenderPerDay },
            FollowGuard = settings.FollowGuard,
            LookupLimits = new CitizenBot.Dialogs.Dossiers.LookupLimitOptions { LookupsPerHour = settings.LookupsPerHour },
        });
        services.AddWebChatLimits(settings.WebChat).AddForwardedClientAddress(settings.KnownProxies);
        services.AddWebPhotos();
        services.AddChannels(settings);
        services.AddZalo(settings);
        services.AddJobs(settings);
        services.AddSingleton(OfficerToken.Resolve(settings.OfficerToken, db.DataDir));
        services.AddOfficerWeb(settings);
        services.AddOfficerConsole();
        configure?.Invoke(services);

        var app = builder.Build();
        if (settings.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders(SecurityHeaders.PagePolicy(SecurityHeaders.WebChatPage(), SummaryDocument.StyleBlock));
        MarkInterruptedImports(app);
        app.UseRateLimiter();
        app.MapWebChat();
        app.MapOfficerEndpoints();
        app.MapOfficerConsole();
        if (settings.Zalo.Enabled)
        {
            app.MapZaloWebhook();
        }

        app.Lifetime.ApplicationStarted.Register(() => OnStarted(app, settings, seedDemo));
        app.Lifetime.ApplicationStopped.Register(db.Dispose);
        return app;
    }

    /// <summary>The leaders' Telegram chat for the monthly summary, when Telegram is on.</summary>
    private static ChatAddress? LeadersChat(HostSettings settings) =>
        settings.LeadersChatId is { } id && settings.Telegram.Enabled
            ? new ChatAddress(TelegramChannelSender.ChannelName, id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <summary>Questions for officers go to the officers' Telegram group when Telegram is on.</summary>
    private static EscalationOptions OfficersChat(HostSettings settings) => new()
    {
        OfficersChat = settings.Telegram.OfficersChatId is { } id && settings.Telegram.Enabled
            ? new ChatAddress(TelegramChannelSender.ChannelName, id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null,
        ReannounceAfter = settings.QuestionReannounceAfter,
        RelaysPerHour = settings.RelaysPerHour,
        LeadersChat = LeadersChat(settings),
    };

    /// <summary>Admins are Telegram users named in configuration.</summary>
    private static RoleOptions Roles(HostSettings settings) => new()
    {
        AdminUserKeys = [.. settings.Telegram.AdminUserIds.Select(id => UserRoles.UserKey(TelegramChannelSender.ChannelName, id.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        OfficersChat = OfficersChat(settings).OfficersChat,
    };

    /// <summary>Behind a reverse proxy every client arrives from the proxy's address: its X-Forwarded-For is believed only from the proxies named.</summary>
    private static IServiceCollection AddForwardedClientAddress(this IServiceCollection services, IReadOnlyList<System.Net.IPAddress> proxies) =>
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });

    private static void AddChannels(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<OutboxKicker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxKicker>());
        services.AddHostedService<OutboxPump>();
        services.AddSingleton<IChannelSender, WebChannelSender>();
        if (!settings.Telegram.Enabled)
        {
            return;
        }

        services.AddSingleton(settings.Telegram);
        services.AddHttpClient("telegram", http => http.Timeout = TimeSpan.FromSeconds(settings.Telegram.PollTimeoutSeconds + settings.Telegram.RequestTimeoutSeconds));
        services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
            // No retries inside the client: every 429 comes back to the outbox, whose retries are paced like any send.
            new TelegramBotClientOptions(settings.Telegram.BotToken!, settings.Telegram.ApiBaseUrl) { RetryThreshold = 0 },
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram")));
        // Pacing follows real time, whatever clock the domain runs on.
        services.AddSingleton(new TelegramPacing(new TelegramLimits(), TimeProvider.System));
        services.AddSingleton<IChannelSender, TelegramChannelSender>();
        services.AddSingleton<CitizenBot.Core.Petitions.IPetitionPhotoSource, TelegramPhotoSource>();
        services.AddSingleton<TelegramCursor>();
        services.AddHostedService<TelegramUpdateReceiver>();
    }

    /// <summary>The Zalo OA channel when its keys are set; failed token refreshes are also told in the officers' Telegram chat.</summary>
    private static void AddZalo(this IServiceCollection services, HostSettings settings)
    {
        if (settings.Zalo.Enabled)
        {
            services.AddZaloChannel(new ZaloOptions
            {
                AppId = settings.Zalo.AppId, AppSecretKey = settings.Zalo.AppSecretKey, OaSecretKey = settings.Zalo.OaSecretKey,
                AccessToken = settings.Zalo.AccessToken, RefreshToken = settings.Zalo.RefreshToken, ApiBaseUrl = settings.Zalo.ApiBaseUrl,
                OAuthBaseUrl = settings.Zalo.OAuthBaseUrl, ZnsBaseUrl = settings.Zalo.ZnsBaseUrl, MonthlyQuota = settings.Zalo.MonthlyQuota,
                MaxEventAge = settings.Zalo.MaxEventAge, Templates = settings.Zalo.Templates, AlertChat = OfficersChat(settings).OfficersChat,
            });
        }
    }

    private static void AddJobs(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<CitizenBotJobs>();
        services.AddSingleton<SweepJob>();
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (settings.HangfireStorage == HangfireStorageKind.PostgreSql)
            {
                config.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(settings.HangfireConnectionString));
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        if (settings.HangfireServerEnabled)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = 2;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }
    }

    /// <summary>Before any request: an import still marked running was cut short by the last stop.</summary>
    private static void MarkInterruptedImports(WebApplication app)
    {
        var interrupted = app.Services.GetRequiredService<ImportBook>().MarkInterrupted();
        if (interrupted > 0)
        {
            app.Logger.LogWarning("{Count} dossier imports were cut short when the bot last stopped; officers are asked to upload the same file again", interrupted);
        }
    }

    private static void OnStarted(WebApplication app, HostSettings settings, bool seedDemo)
    {
        var sp = app.Services;
        var logger = sp.GetRequiredService<ILogger<WebApplication>>();
        if (PetitionSettings.KeyBesideData(app.Configuration, settings.DataDir))
        {
            logger.LogWarning(PetitionSettings.KeyBesideDataWarning);
        }

        if (sp.GetRequiredService<CitizenDatabase>().Converted is { } converted)
        {
            logger.LogInformation("The unencrypted database was converted to an encrypted one: {Documents} records in {Collections} collections", converted.Documents, converted.Collections);
        }

        var interrupted = sp.GetRequiredService<Outbox>().MarkInterruptedSends();
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} messages were being sent when the bot last stopped; marked unconfirmed, not sent again", interrupted);
        }

        if (seedDemo)
        {
            var seeded = DemoCommune.SeedIfEmpty(sp.GetRequiredService<DossierBook>(), sp.GetRequiredService<CommuneClock>());
            if (seeded > 0)
            {
                logger.LogInformation("Empty data folder: created a demo commune with {Count} dossiers (try HS-DEMO-0001)", seeded);
            }

            var guide = DemoCommune.SeedGuideIfEmpty(sp.GetRequiredService<CitizenBot.Core.Guide.GuideBook>());
            if (guide > 0)
            {
                logger.LogInformation("Empty guide: added {Count} demo procedures, confirmed (try \"làm giấy khai sinh cần gì\")", guide);
            }
        }

        CitizenBotJobs.Register(sp.GetRequiredService<IRecurringJobManager>(), sp.GetServices<CitizenBot.Core.Sweeps.ISweep>(), settings.Commune.TimeZone);
        logger.LogInformation("CitizenBot for {Commune} is running: web chat on {Urls}, Telegram {Telegram}, Zalo {Zalo}, data in {DataDir}",
            settings.Commune.Name, settings.Urls, settings.Telegram.Enabled ? "on" : "off (no Telegram:BotToken)", settings.Zalo.Enabled ? "on" : "off (no Zalo:AppId)", Path.GetFullPath(settings.DataDir));
    }
}
