using System.Globalization;
using System.Net;
using CitizenBot.Channels.Telegram;
using CitizenBot.Core.Commune;
using Microsoft.Extensions.Options;

namespace CitizenBot.Host.Configuration;

/// <summary>The <c>Officer</c> section: the officers' access token and the limits of their page.</summary>
public sealed class OfficerOptions
{
    public const string Section = "Officer";

    public string? Token { get; set; }

    public int MaxImportMegabytes { get; set; } = 50;

    public int LoginFailuresPerAddress { get; set; } = 5;

    /// <summary>Wrong passwords in a row that lock a personal account (Officer:LockoutFailures).</summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a locked personal account waits, in minutes (Officer:LockoutMinutes).</summary>
    public int LockoutMinutes { get; set; } = 15;
}

public sealed class OfficerValidator(IConfiguration config) : RangeValidator<OfficerOptions>(config, OfficerOptions.Section,
[
    (nameof(OfficerOptions.MaxImportMegabytes), 1, 1_000),
    (nameof(OfficerOptions.LoginFailuresPerAddress), 1, 1_000),
    (nameof(OfficerOptions.LockoutFailures), 1, 100),
    (nameof(OfficerOptions.LockoutMinutes), 1, 1_440),
]);

/// <summary>The <c>Privacy</c> section: months after which personal data not in use is forgotten.</summary>
public sealed class PrivacyRetentionOptions
{
    public const string Section = "Privacy";

    public int RetentionMonths { get; set; } = 24;
}

public sealed class PrivacyRetentionValidator(IConfiguration config) : RangeValidator<PrivacyRetentionOptions>(config, PrivacyRetentionOptions.Section,
[
    (nameof(PrivacyRetentionOptions.RetentionMonths), 6, 120),
]);

/// <summary>The <c>Letters</c> section: events older than this many days get no letter.</summary>
public sealed class LetterLookbackOptions
{
    public const string Section = "Letters";

    public int LookbackDays { get; set; } = 30;
}

public sealed class LetterLookbackValidator(IConfiguration config) : RangeValidator<LetterLookbackOptions>(config, LetterLookbackOptions.Section,
[
    (nameof(LetterLookbackOptions.LookbackDays), 1, 3650),
]);

/// <summary>The <c>Escalation</c> section: after how long an unanswered question is announced again.</summary>
public sealed class EscalationTimingOptions
{
    public const string Section = "Escalation";

    public int ReannounceAfterMinutes { get; set; } = 240;
}

public sealed class EscalationTimingValidator(IConfiguration config) : RangeValidator<EscalationTimingOptions>(config, EscalationTimingOptions.Section,
[
    (nameof(EscalationTimingOptions.ReannounceAfterMinutes), 5, 10_080),
]);

/// <summary>The <c>Summary</c> section: the leaders' Telegram chat that receives the monthly summary besides every leader.</summary>
public sealed class LeadersSummaryOptions
{
    public const string Section = "Summary";

    public long? LeadersChatId { get; set; }
}

public sealed class LeadersSummaryValidator(IConfiguration config) : IValidateOptions<LeadersSummaryOptions>
{
    public ValidateOptionsResult Validate(string? name, LeadersSummaryOptions options) =>
        Settings.Result([Settings.Check(() => HostSettings.ReadOptionalLong(config, "Summary:LeadersChatId"))]);
}

/// <summary>The <c>Hangfire</c> section: where recurring jobs are stored and whether this process runs them.</summary>
public sealed class HangfireStorageOptions
{
    public const string Section = "Hangfire";

    /// <summary>InMemory or PostgreSql (any case); read into <see cref="HangfireStorageKind"/> after binding.</summary>
    public string? Storage { get; set; }

    public string? ConnectionString { get; set; }

    public bool ServerEnabled { get; set; } = true;

    /// <summary>The post-bind step: the storage kind, InMemory when blank.</summary>
    public HangfireStorageKind StorageKind =>
        string.IsNullOrWhiteSpace(Storage) ? HangfireStorageKind.InMemory : Enum.Parse<HangfireStorageKind>(Storage, ignoreCase: true);
}

public sealed class HangfireStorageValidator(IConfiguration config) : IValidateOptions<HangfireStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, HangfireStorageOptions options) => Settings.Result(
    [
        Settings.Check(() =>
        {
            var storage = config["Hangfire:Storage"];
            var kind = HangfireStorageKind.InMemory;
            if (!string.IsNullOrWhiteSpace(storage) && (!Enum.TryParse(storage, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
            {
                throw new ConfigurationException("Hangfire:Storage", $"'{storage}' is not one of InMemory, PostgreSql.");
            }

            if (kind == HangfireStorageKind.PostgreSql && string.IsNullOrWhiteSpace(config["Hangfire:ConnectionString"]))
            {
                throw new ConfigurationException("Hangfire:ConnectionString", "is required when Hangfire:Storage is PostgreSql.");
            }
        }),
        Settings.Check(() => HostSettings.ReadBool(config, "Hangfire:ServerEnabled", true)),
    ]);
}

/// <summary>The <c>Web</c> section: the addresses the web host listens on.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public string Urls { get; set; } = HostSettings.DefaultUrls;

    /// <summary>The largest photo the web chat accepts, in MB (Web:MaxPhotoMegabytes); a LiteDB document holds at most 16 MB.</summary>
    public int MaxPhotoMegabytes { get; set; } = 10;
}

public sealed class WebValidator(IConfiguration config) : RangeValidator<WebOptions>(config, WebOptions.Section,
[
    (nameof(WebOptions.MaxPhotoMegabytes), 1, 15),
]);

/// <summary>The <c>Storage</c> section: the folder of the database and the other data files.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataDir { get; set; } = "./data";
}

/// <summary>The <c>Proxy</c> section: reverse proxies whose X-Forwarded-For is believed; empty = the connection's own address counts.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public const string KnownProxiesKey = "Proxy:KnownProxies";

    /// <summary>As written: a list, or one comma-separated value (an environment variable), read after binding.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The post-bind step: the addresses, checked by <see cref="ProxyValidator"/>.</summary>
    public IReadOnlyList<IPAddress> Addresses => [.. KnownProxies.Select(IPAddress.Parse)];
}

public sealed class ProxyValidator(IConfiguration config) : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options) => Settings.Result(
    [
        Settings.Check(() =>
        {
            foreach (var v in HostSettings.ReadStrings(config, ProxyOptions.KnownProxiesKey).Where(v => !IPAddress.TryParse(v, out _)))
            {
                throw new ConfigurationException(ProxyOptions.KnownProxiesKey, $"'{v}' is not an IP address (e.g. 127.0.0.1 or 172.17.0.1).");
            }
        }),
    ]);
}

/// <summary>The <c>Telegram</c> section as written; <see cref="ToTelegramOptions"/> is the post-bind step to the channel's options.</summary>
public sealed class TelegramSettingsOptions
{
    public const string Section = "Telegram";

    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = TelegramOptions.DefaultApiBaseUrl;

    /// <summary>As written: a list, or one comma-separated value (an environment variable), read after binding.</summary>
    public List<string> AdminUserIds { get; set; } = [];

    public long? OfficersChatId { get; set; }

    public int PollTimeoutSeconds { get; set; } = 30;

    public int RequestTimeoutSeconds { get; set; } = 30;

    public int RetryBaseDelayMs { get; set; } = 1000;

    public TelegramOptions ToTelegramOptions() => new()
    {
        BotToken = string.IsNullOrWhiteSpace(BotToken) ? null : BotToken.Trim(),
        ApiBaseUrl = ApiBaseUrl.TrimEnd('/'),
        AdminUserIds = [.. AdminUserIds.Select(v => long.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))],
        OfficersChatId = OfficersChatId,
        PollTimeoutSeconds = PollTimeoutSeconds,
        RequestTimeoutSeconds = RequestTimeoutSeconds,
        RetryBaseDelay = TimeSpan.FromMilliseconds(RetryBaseDelayMs),
    };
}

public sealed class TelegramSettingsValidator(IConfiguration config) : IValidateOptions<TelegramSettingsOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramSettingsOptions options) => Settings.Result(
    [
        Settings.Check(() =>
        {
            var apiBaseUrl = config["Telegram:ApiBaseUrl"];
            if (!string.IsNullOrWhiteSpace(apiBaseUrl)
                && (!Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                throw new ConfigurationException("Telegram:ApiBaseUrl", $"'{apiBaseUrl}' is not an absolute http(s) URL.");
            }
        }),
        Settings.Check(() =>
        {
            var token = config["Telegram:BotToken"];
            if (!string.IsNullOrWhiteSpace(token) && !token.Contains(':', StringComparison.Ordinal))
            {
                throw new ConfigurationException("Telegram:BotToken", "does not look like a bot token (expected <id>:<secret> from @BotFather).");
            }
        }),
        Settings.Check(() => HostSettings.ReadLongs(config, "Telegram:AdminUserIds")),
        Settings.Check(() => HostSettings.ReadOptionalLong(config, "Telegram:OfficersChatId")),
        Settings.CheckInt(config, "Telegram:PollTimeoutSeconds", 0, 50),
        Settings.CheckInt(config, "Telegram:RequestTimeoutSeconds", 2, 300),
        Settings.CheckInt(config, "Telegram:RetryBaseDelayMs", 1, 60_000),
    ]);
}

/// <summary>
/// The <c>Commune</c> section as written; <see cref="ToCommuneOptions"/> is the post-bind step. Not among the blank-hiding sections:
/// a blank Commune:Name is an error, not the default.
/// </summary>
public sealed class CommuneSettingsOptions
{
    public const string Section = "Commune";

    public string Name { get; set; } = "UBND xã Hoằng Kim";

    /// <summary>As written: a list, or one comma-separated value (an environment variable), read after binding.</summary>
    public List<string> Villages { get; set; } = [];

    public string? TimeZone { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? OfficeHours { get; set; }

    public CommuneOptions ToCommuneOptions() => new()
    {
        Name = Name.Trim(),
        Villages = Villages,
        TimeZone = HostSettings.ReadTimeZone(TimeZone),
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        Address = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim(),
        OfficeHours = string.IsNullOrWhiteSpace(OfficeHours) ? null : OfficeHours.Trim(),
    };
}

public sealed class CommuneSettingsValidator(IConfiguration config) : IValidateOptions<CommuneSettingsOptions>
{
    public ValidateOptionsResult Validate(string? name, CommuneSettingsOptions options) => Settings.Result(
    [
        Settings.Check(() => HostSettings.RequireText(config, "Commune:Name", "")),
        Settings.Check(() => HostSettings.ReadTimeZone(config["Commune:TimeZone"])),
        Settings.Check(() => HostSettings.ReadPhone(config, "Commune:Phone")),
    ]);
}
