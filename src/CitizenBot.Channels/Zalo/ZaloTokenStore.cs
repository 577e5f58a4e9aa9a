using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// Keeps the OA's tokens. Zalo's refresh token works once and each refresh returns a new one, so the new pair is written
/// durably before the new access token is used: a crash at any point leaves a pair that works (the old one until Zalo
/// answered, the new one after).
/// </summary>
public sealed class ZaloTokenStore(
    ChannelTokens store,
    DataSeal seal,
    ZaloOptions options,
    ZaloApiClient api,
    TimeProvider time,
    ILogger<ZaloTokenStore> logger) : IDisposable
{
    /// <summary>Refreshed this long before it expires.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(30);

    /// <summary>A configured access token's age is unknown: it is trusted this long, then refreshed.</summary>
    public static readonly TimeSpan SeededLifetime = TimeSpan.FromHours(1);

    /// <summary>Kill point for the crash tests: the new pair is stored and not yet used.</summary>
    public const string FaultPointStored = "zalo-token-stored";

    /// <summary>Kill point for the crash tests: Zalo answered a refresh with a new pair, not yet stored.</summary>
    public const string FaultPointAnswered = "zalo-token-answered";

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private int _startLooked;

    public void Dispose() => _refreshing.Dispose();

    /// <summary>The access token to use now; refreshed first when it is about to expire. Null when no working token is at hand.</summary>
    public async Task<string?> AccessTokenAsync(CancellationToken ct)
    {
        var current = Current();
        if (current.ExpiresAt - time.GetUtcNow() > RefreshMargin)
        {
            return seal.Open(current.AccessToken);
        }

        return await RefreshAsync(current.RefreshToken, ct);
    }

    /// <summary>Zalo refused the access token: refresh unless another caller already did since.</summary>
    public async Task<string?> RefreshAfterRefusalAsync(string refusedToken, CancellationToken ct)
    {
        var current = Current();
        return seal.Open(current.AccessToken) is { } now && now != refusedToken ? now : await RefreshAsync(current.RefreshToken, ct);
    }

    /// <summary>When the stored access token expires (for the officers' report and the keeper).</summary>
    public DateTimeOffset ExpiresAt => Current().ExpiresAt;

    public DateTimeOffset? RefreshedAt => Current().RefreshedAt;

    public List<ChannelAlert> Alerts(int count) => store.Alerts(count);

    /// <summary>Refreshes when the stored pair expires within the margin (the keeper calls this every minute).</summary>
    public async Task RefreshIfDueAsync(CancellationToken ct)
    {
        var current = Current();
        if (current.ExpiresAt - time.GetUtcNow() <= RefreshMargin)
        {
            await RefreshAsync(current.RefreshToken, ct);
        }
    }

    /// <summary>
    /// At start (the keeper's first round): a refresh recorded as started and never answered means the process died while
    /// Zalo was exchanging the refresh token, which may be spent. The stored token is tried at once; if Zalo refuses it,
    /// the admins are told now, with the steps to authorise the OA again, rather than at the next failed send.
    /// </summary>
    public async Task CheckInterruptedRefreshAsync(CancellationToken ct)
    {
        var current = Current();
        if (current.RefreshStartedAt is not { } startedAt)
        {
            return;
        }

        logger.LogWarning("A Zalo token refresh started at {StartedAt:u} never recorded its answer (the process stopped); trying the stored refresh token now", startedAt);
        await RefreshAsync(current.RefreshToken, ct, onlyIfLeftUnanswered: true);
    }

    /// <summary>True once, for this process's first refresh, when the previous process left one without its answer.</summary>
    private bool LeftUnanswered(ChannelTokenPair current) => Interlocked.Exchange(ref _startLooked, 1) == 0 && current.RefreshStartedAt is not null;

    private async Task<string?> RefreshAsync(string sealedRefreshToken, CancellationToken ct, bool onlyIfLeftUnanswered = false)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            var current = Current();
            if (current.RefreshToken != sealedRefreshToken && current.ExpiresAt - time.GetUtcNow() > RefreshMargin)
            {
                // Another caller refreshed while this one waited.
                return seal.Open(current.AccessToken);
            }

            // Whichever refresh comes first in this process (the keeper's look at start or a send's) takes up what the last one left.
            var interrupted = LeftUnanswered(current);
            if (onlyIfLeftUnanswered && !interrupted)
            {
                return seal.Open(current.AccessToken);
            }

            // Recorded before the call: if the process dies before the answer is stored, the next start knows it.
            current.RefreshStartedAt = time.GetUtcNow();
            await store.SaveAsync(current);
            var (pair, error) = await api.RefreshAsync(seal.Open(current.RefreshToken) ?? "", ct);
            if (pair is null)
            {
                current.RefreshStartedAt = null;
                await store.SaveAsync(current);
                await AlertAsync(error ?? "unknown error", interrupted);
                return current.ExpiresAt > time.GetUtcNow() ? seal.Open(current.AccessToken) : null;
            }

            FaultPoints.Hit(FaultPointAnswered);

            var now = time.GetUtcNow();
            await store.SaveAsync(new ChannelTokenPair
            {
                AccessToken = seal.Seal(pair.AccessToken),
                RefreshToken = seal.Seal(pair.RefreshToken),
                ExpiresAt = now + pair.ExpiresIn,
                SeededFrom = current.SeededFrom,
                RefreshedAt = now,
            });
            FaultPoints.Hit(FaultPointStored);
            logger.LogInformation("Zalo access token refreshed; it expires in {Hours:0.#} h", pair.ExpiresIn.TotalHours);
            return pair.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The stored pair; the configured one on first use, or when the settings name a new refresh token.</summary>
    private ChannelTokenPair Current()
    {
        var seed = seal.Hash("zalo-refresh:" + options.RefreshToken);
        var stored = store.Load();
        if (stored is not null && stored.SeededFrom == seed)
        {
            return stored;
        }

        var seeded = new ChannelTokenPair
        {
            AccessToken = seal.Seal(options.AccessToken ?? ""),
            RefreshToken = seal.Seal(options.RefreshToken ?? ""),
            ExpiresAt = string.IsNullOrWhiteSpace(options.AccessToken) ? DateTimeOffset.MinValue : time.GetUtcNow() + SeededLifetime,
            SeededFrom = seed,
        };
        store.Save(seeded);
        return seeded;
    }

    private async Task AlertAsync(string reason, bool interrupted)
    {
        var now = time.GetUtcNow();
        var trimmed = reason.Length > 200 ? reason[..200] : reason;
        if (interrupted)
        {
            logger.LogError("The stored Zalo refresh token was refused after an interrupted refresh ({Reason}); an admin must authorise the OA again", trimmed);
            await store.AlertAsync(now, ZaloTexts.RefreshLostReason(trimmed), options.AlertChat is { } to
                ? OutboxMessage.Create($"zalo-token-lost:{now.UtcDateTime:yyyyMMddHH}", to, new OutgoingMessage(ZaloTexts.RefreshLostAlert(trimmed)), now)
                : null);
            return;
        }

        logger.LogError("Refreshing the Zalo access token failed ({Reason}); Zalo messages wait until an admin renews the tokens", trimmed);
        // One alert message an hour at most, however many sends tried.
        await store.AlertAsync(now, trimmed, options.AlertChat is { } chat
            ? OutboxMessage.Create($"zalo-token-alert:{now.UtcDateTime:yyyyMMddHH}", chat, new OutgoingMessage(ZaloTexts.TokenAlert(trimmed)), now)
            : null);
    }
}
