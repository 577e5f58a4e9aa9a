namespace CitizenBot.Channels.Telegram;

/// <summary>The <c>Telegram</c> configuration section.</summary>
public sealed class TelegramOptions
{
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    public string? BotToken { get; init; }

    public string ApiBaseUrl { get; init; } = DefaultApiBaseUrl;

    public IReadOnlyList<long> AdminUserIds { get; init; } = [];

    public long? OfficersChatId { get; init; }

    /// <summary>Long-polling timeout of getUpdates, in seconds.</summary>
    public int PollTimeoutSeconds { get; init; } = 30;

    /// <summary>How long a request may take beyond the long-polling wait before it counts as timed out.</summary>
    public int RequestTimeoutSeconds { get; init; } = 30;

    /// <summary>First wait after a failed getUpdates; doubles up to a minute.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
