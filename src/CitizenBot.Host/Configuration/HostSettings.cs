using System.Globalization;
using System.Net;
using CitizenBot.Channels.Telegram;
using CitizenBot.Channels.Web;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Reception;

namespace CitizenBot.Host.Configuration;

/// <summary>A missing or malformed setting: one line naming the key.</summary>
public sealed class ConfigurationException(string key, string problem) : Exception($"Configuration error: {key}: {problem}")
{
    public string Key { get; } = key;
}

public enum HangfireStorageKind
{
    InMemory,
    PostgreSql,
}

/// <summary>Every setting the host reads, validated once at start-up.</summary>
public sealed class HostSettings
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public required TelegramOptions Telegram { get; init; }

    /// <summary>The Zalo Official Account channel (the <c>Zalo</c> section); off when its keys are unset.</summary>
    public Channels.Zalo.ZaloOptions Zalo { get; init; } = new();

    public required CommuneOptions Commune { get; init; }

    public required string DataDir { get; init; }

    public required HangfireStorageKind HangfireStorage { get; init; }

    public string? HangfireConnectionString { get; init; }

    public bool HangfireServerEnabled { get; init; } = true;

    public required string Urls { get; init; }

    public string? OfficerToken { get; init; }

    /// <summary>The largest dossier file the officer page and API accept, in MB (Officer:MaxImportMegabytes); Kestrel is held to the same limit there.</summary>
    public int MaxImportMegabytes { get; init; } = 50;

    /// <summary>Wrong officer logins (codes or tokens) one client address may make in 15 minutes before a 429 (Officer:LoginFailuresPerAddress).</summary>
    public int LoginFailuresPerAddress { get; init; } = 5;

    public ReceptionOptions Reception { get; init; } = new();

    public TimeSpan QuestionReannounceAfter { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Events older than this many days get no letter (Letters:LookbackDays).</summary>
    public int LetterLookbackDays { get; init; } = 30;

    /// <summary>The leaders' Telegram chat that receives the monthly summary besides every leader (Summary:LeadersChatId).</summary>
    public long? LeadersChatId { get; init; }

    /// <summary>Months after which personal data not in use is forgotten (Privacy:RetentionMonths).</summary>
    public int RetentionMonths { get; init; } = 24;

    /// <summary>Turns one person may take in a minute (Limits:TurnsPerMinute) and questions relayed to officers a day (Limits:QuestionsPerDay).</summary>
    public int TurnsPerMinute { get; init; } = 30;

    public int QuestionsPerDay { get; init; } = 5;

    /// <summary>Wrong phone checks on one dossier, from any chat, that lock following it (Limits:FollowGuessesPerDossier) and for how long (Limits:FollowLockHours).</summary>
    public FollowGuardOptions FollowGuard { get; init; } = new();

    /// <summary>Dossier lookups one sender may make in an hour (Limits:LookupsPerHour).</summary>
    public int LookupsPerHour { get; init; } = 20;

    /// <summary>Per client address: conversations started an hour, turns and reads a minute (Limits:Web…).</summary>
    public WebChatLimits WebChat { get; init; } = new();

    /// <summary>Reverse proxies whose X-Forwarded-For is believed (Proxy:KnownProxies); empty = the connection's own address counts.</summary>
    public IReadOnlyList<IPAddress> KnownProxies { get; init; } = [];

    /// <summary>Questions one sender (Telegram user, web client address) may relay a day over all conversations (Limits:QuestionsPerSenderPerDay).</summary>
    public int QuestionsPerSenderPerDay { get; init; } = 20;

    /// <summary>Questions relayed one by one to the officers' chat in a clock hour; the rest go into one digest (Limits:RelaysPerHour).</summary>
    public int RelaysPerHour { get; init; } = 30;

    /// <summary>Reads the identity key (Petitions:IdentityKey, CITIZENBOT_IDENTITY_KEY or the key file); the database's file key is derived from it.</summary>
    public required Func<byte[]> IdentityKey { get; init; }

    /// <summary>Opens the data folder's database, encrypted at rest under a sub-key of the identity key.</summary>
    public CitizenBot.Core.Storage.CitizenDatabase OpenDatabase() => CitizenBot.Core.Storage.CitizenDatabase.Open(DataDir, IdentityKey);

    /// <summary>Opens the database for a console command, telling the officer when this open encrypted an older database.</summary>
    public CitizenBot.Core.Storage.CitizenDatabase OpenDatabase(TextWriter output)
    {
        var db = OpenDatabase();
        if (db.Converted is { } converted)
        {
            output.WriteLine($"Đã mã hóa cơ sở dữ liệu cũ (trước đây chưa mã hóa): {converted.Documents} bản ghi trong {converted.Collections} bảng.");
        }

        return db;
    }

    public static HostSettings Load(IConfiguration config)
    {
        var telegram = Settings.Read<TelegramSettingsOptions>(config);
        var hangfire = Settings.Read<HangfireStorageOptions>(config);
        var dataDir = Settings.Read<StorageOptions>(config).DataDir;
        var limits = Settings.Read<LimitsOptions>(config);
        var officer = Settings.Read<OfficerOptions>(config);
        return new HostSettings
        {
            Telegram = telegram.ToTelegramOptions(),
            Zalo = Settings.Read<ZaloSettingsOptions>(config).ToZaloOptions(),
            Commune = Settings.Read<CommuneSettingsOptions>(config).ToCommuneOptions(),
            DataDir = dataDir,
            IdentityKey = () => PetitionSettings.Key(config, dataDir),
            HangfireStorage = hangfire.StorageKind,
            HangfireConnectionString = hangfire.ConnectionString,
            HangfireServerEnabled = hangfire.ServerEnabled,
            Urls = Settings.Read<WebOptions>(config).Urls,
            OfficerToken = string.IsNullOrWhiteSpace(officer.Token) ? null : officer.Token,
            MaxImportMegabytes = officer.MaxImportMegabytes,
            LoginFailuresPerAddress = officer.LoginFailuresPerAddress,
            Reception = ReceptionSettings.ToReceptionOptions(Settings.Read<ReceptionSettingsOptions>(config)),
            QuestionReannounceAfter = TimeSpan.FromMinutes(Settings.Read<EscalationTimingOptions>(config).ReannounceAfterMinutes),
            LetterLookbackDays = Settings.Read<LetterLookbackOptions>(config).LookbackDays,
            LeadersChatId = Settings.Read<LeadersSummaryOptions>(config).LeadersChatId,
            RetentionMonths = Settings.Read<PrivacyRetentionOptions>(config).RetentionMonths,
            TurnsPerMinute = limits.TurnsPerMinute,
            QuestionsPerDay = limits.QuestionsPerDay,
            FollowGuard = new FollowGuardOptions
            {
                GuessesPerDossier = limits.FollowGuessesPerDossier,
                LockPeriod = TimeSpan.FromHours(limits.FollowLockHours),
            },
            LookupsPerHour = limits.LookupsPerHour,
            WebChat = new WebChatLimits
            {
                ConversationsPerHour = limits.WebConversationsPerHour,
                TurnsPerMinute = limits.WebTurnsPerMinute,
                ReadsPerMinute = limits.WebReadsPerMinute,
                PhotosPerHour = limits.WebPhotosPerHour,
                MaxPhotoMegabytes = Settings.Read<WebOptions>(config).MaxPhotoMegabytes,
            },
            KnownProxies = Settings.Read<ProxyOptions>(config).Addresses,
            QuestionsPerSenderPerDay = limits.QuestionsPerSenderPerDay,
            RelaysPerHour = limits.RelaysPerHour,
        };
    }

    internal static TimeZoneInfo ReadTimeZone(string? id)
    {
        id = string.IsNullOrWhiteSpace(id) ? "Asia/Ho_Chi_Minh" : id.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ConfigurationException("Commune:TimeZone", $"'{id}' is not a known time zone (e.g. Asia/Ho_Chi_Minh).");
        }
    }

    /// <summary>An optional phone number shown to citizens: digits with spaces, dots, dashes or a leading +.</summary>
    internal static string? ReadPhone(IConfiguration config, string key)
    {
        var value = config[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 3 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')')
            ? value
            : throw new ConfigurationException(key, $"'{value}' is not a phone number (digits, e.g. 0237 3868 123).");
    }

    internal static string RequireText(IConfiguration config, string key, string fallback)
    {
        var section = config.GetSection(key);
        if (!section.Exists())
        {
            return fallback;
        }

        return string.IsNullOrWhiteSpace(section.Value) ? throw new ConfigurationException(key, "must not be empty.") : section.Value.Trim();
    }

    internal static List<string> ReadStrings(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        if (section.Value is { Length: > 0 } single)
        {
            // An environment variable may give the list comma-separated.
            return [.. single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        return [.. section.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
    }

    internal static List<long> ReadLongs(IConfiguration config, string key) =>
        [.. ReadStrings(config, key).Select(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ConfigurationException(key, $"'{v}' is not a Telegram user id (a whole number)."))];

    internal static long? ReadOptionalLong(IConfiguration config, string key)
    {
        var value = config[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ConfigurationException(key, $"'{value}' is not a Telegram chat id (a whole number, negative for groups).");
    }

    internal static int ReadInt(IConfiguration config, string key, int fallback, int min, int max)
    {
        var value = config[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ConfigurationException(key, $"'{value}' must be a whole number from {min} to {max}.");
    }

    internal static bool ReadBool(IConfiguration config, string key, bool fallback)
    {
        var value = config[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return bool.TryParse(value, out var b) ? b : throw new ConfigurationException(key, $"'{value}' must be true or false.");
    }
}
