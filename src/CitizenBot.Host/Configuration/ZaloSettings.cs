using CitizenBot.Channels.Zalo;
using Microsoft.Extensions.Options;

namespace CitizenBot.Host.Configuration;

/// <summary>The <c>Zalo</c> section as written; <see cref="ToZaloOptions"/> is the post-bind step to the channel's options.</summary>
public sealed class ZaloSettingsOptions
{
    public const string Section = "Zalo";

    public string? AppId { get; set; }

    public string? AppSecretKey { get; set; }

    public string? OaSecretKey { get; set; }

    public string? AccessToken { get; set; }

    public string? RefreshToken { get; set; }

    public string ApiBaseUrl { get; set; } = ZaloOptions.DefaultApiBaseUrl;

    public string OAuthBaseUrl { get; set; } = ZaloOptions.DefaultOAuthBaseUrl;

    public string ZnsBaseUrl { get; set; } = ZaloOptions.DefaultZnsBaseUrl;

    public int MonthlyQuota { get; set; }

    public int MaxEventAgeMinutes { get; set; } = 10;

    /// <summary>ZNS template ids by notice kind (DossierStatus, BookingReminder).</summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    public ZaloOptions ToZaloOptions() => new()
    {
        AppId = Blank(AppId),
        AppSecretKey = Blank(AppSecretKey),
        OaSecretKey = Blank(OaSecretKey),
        AccessToken = Blank(AccessToken),
        RefreshToken = Blank(RefreshToken),
        ApiBaseUrl = ApiBaseUrl.TrimEnd('/'),
        OAuthBaseUrl = OAuthBaseUrl.TrimEnd('/'),
        ZnsBaseUrl = ZnsBaseUrl.TrimEnd('/'),
        MonthlyQuota = MonthlyQuota,
        MaxEventAge = TimeSpan.FromMinutes(MaxEventAgeMinutes),
        Templates = Templates.Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => Enum.Parse<ZaloNoticeKind>(t.Key, ignoreCase: true), t => t.Value.Trim()),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ZaloSettingsValidator(IConfiguration config) : IValidateOptions<ZaloSettingsOptions>
{
    private static readonly string[] Required = ["AppId", "AppSecretKey", "OaSecretKey", "RefreshToken"];

    public ValidateOptionsResult Validate(string? name, ZaloSettingsOptions options) => Settings.Result(
    [
        Settings.Check(() =>
        {
            // Off when none of the keys is given; all of them when any is.
            var given = Required.Where(k => !string.IsNullOrWhiteSpace(config[$"Zalo:{k}"])).ToList();
            if (given.Count > 0 && Required.FirstOrDefault(k => !given.Contains(k)) is { } missing)
            {
                throw new ConfigurationException($"Zalo:{missing}", $"is required when Zalo:{given[0]} is set (see README, \"Connecting the commune's Zalo Official Account\").");
            }
        }),
        Settings.Check(() =>
        {
            var appId = config["Zalo:AppId"];
            if (!string.IsNullOrWhiteSpace(appId) && !appId.Trim().All(char.IsAsciiDigit))
            {
                throw new ConfigurationException("Zalo:AppId", $"'{appId}' is not a Zalo app id (digits, from developers.zalo.me).");
            }
        }),
        Settings.Check(() => Url("Zalo:ApiBaseUrl")),
        Settings.Check(() => Url("Zalo:OAuthBaseUrl")),
        Settings.Check(() => Url("Zalo:ZnsBaseUrl")),
        Settings.CheckInt(config, "Zalo:MonthlyQuota", 0, 10_000_000),
        Settings.CheckInt(config, "Zalo:MaxEventAgeMinutes", 1, 1440),
        Settings.Check(() =>
        {
            foreach (var template in config.GetSection("Zalo:Templates").GetChildren())
            {
                if (!Enum.TryParse<ZaloNoticeKind>(template.Key, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(template.Key, out _))
                {
                    throw new ConfigurationException(template.Path, $"'{template.Key}' is not a notice kind (one of {string.Join(", ", Enum.GetNames<ZaloNoticeKind>())}).");
                }

                if (!string.IsNullOrWhiteSpace(template.Value) && !template.Value.Trim().All(char.IsAsciiDigit))
                {
                    throw new ConfigurationException(template.Path, $"'{template.Value}' is not a ZNS template id (digits, from the ZNS account).");
                }
            }
        }),
    ]);

    private void Url(string key)
    {
        var value = config[key];
        if (!string.IsNullOrWhiteSpace(value)
            && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ConfigurationException(key, $"'{value}' is not an absolute http(s) URL.");
        }
    }
}
