namespace CitizenBot.Channels.Zalo;

/// <summary>The <c>Zalo</c> configuration section: the Official Account's keys, first tokens, endpoints, quota and ZNS templates.</summary>
public sealed class ZaloOptions
{
    public const string DefaultApiBaseUrl = "https://openapi.zalo.me";
    public const string DefaultOAuthBaseUrl = "https://oauth.zaloapp.com";
    public const string DefaultZnsBaseUrl = "https://business.openapi.zalo.me";

    /// <summary>The Zalo app's id (developers.zalo.me), part of every webhook signature and of the token refresh.</summary>
    public string? AppId { get; init; }

    /// <summary>The app's secret key, sent with a token refresh.</summary>
    public string? AppSecretKey { get; init; }

    /// <summary>The OA secret key of the webhook page, the last part of every webhook signature.</summary>
    public string? OaSecretKey { get; init; }

    /// <summary>The first access token; after the first refresh the stored pair is used.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The first refresh token (single use); after the first refresh the stored pair is used.</summary>
    public string? RefreshToken { get; init; }

    public string ApiBaseUrl { get; init; } = DefaultApiBaseUrl;

    public string OAuthBaseUrl { get; init; } = DefaultOAuthBaseUrl;

    public string ZnsBaseUrl { get; init; } = DefaultZnsBaseUrl;

    /// <summary>Proactive OA messages (outside the free window) allowed a calendar month; 0 = none, they wait for the citizen.</summary>
    public int MonthlyQuota { get; init; }

    /// <summary>Webhook events older (or further in the future) than this are refused as replays.</summary>
    public TimeSpan MaxEventAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>ZNS template ids by notice kind (<see cref="ZaloNoticeKind"/>); a kind without one waits for the citizen.</summary>
    public IReadOnlyDictionary<ZaloNoticeKind, string> Templates { get; init; } = new Dictionary<ZaloNoticeKind, string>();

    /// <summary>Where a failed token refresh is reported besides the console (the officers' Telegram chat when there is one).</summary>
    public CitizenBot.Core.Messaging.ChatAddress? AlertChat { get; init; }

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(OaSecretKey) && !string.IsNullOrWhiteSpace(RefreshToken);
}

/// <summary>The notices that may go to the applicant's phone as a ZNS template message when the OA may not write.</summary>
public enum ZaloNoticeKind
{
    /// <summary>A followed dossier's status changed (Zalo:Templates:DossierStatus).</summary>
    DossierStatus,

    /// <summary>A reminder of a reception booking (Zalo:Templates:BookingReminder).</summary>
    BookingReminder,
}
