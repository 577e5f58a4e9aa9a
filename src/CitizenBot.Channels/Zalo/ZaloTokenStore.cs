using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels.Zalo;

/// <summary>The OA's token pair as stored, sealed at rest.</summary>
public sealed class ZaloTokenRecord
{
    public const string OnlyId = "oa";

    [BsonId]
    public string Id { get; set; } = OnlyId;

    public string AccessToken { get; set; } = "";

    public string RefreshToken { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>A keyed hash of the configured refresh token this pair started from: new tokens in the settings replace the stored pair.</summary>
    public string SeededFrom { get; set; } = "";

    public DateTimeOffset? RefreshedAt { get; set; }
}

/// <summary>A refresh that failed: shown to officers (GET /officer/api/zalo) and sent to the officers' chat.</summary>
public sealed class ZaloAlert
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Reason { get; set; } = "";
}

/// <summary>
/// Keeps the OA's tokens. Zalo's refresh token works once and each refresh returns a new one, so the new pair is written
/// durably before the new access token is used: a crash at any point leaves a pair that works (the old one until Zalo
/// answered, the new one after).
/// </summary>
public sealed class ZaloTokenStore(
    CitizenDatabase db,
    DataSeal seal,
    ZaloOptions options,
    ZaloApiClient api,
    TimeProvider time,
    ILogger<ZaloTokenStore> logger) : IDisposable
{
    public const string CollectionName = "zalo_tokens";
    public const string AlertsCollection = "zalo_alerts";

    /// <summary>Refreshed this long before it expires.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(30);

    /// <summary>A configured access token's age is unknown: it is trusted this long, then refreshed.</summary>
    public static readonly TimeSpan SeededLifetime = TimeSpan.FromHours(1);

    /// <summary>Kill point for the crash tests: the new pair is stored and not yet used.</summary>
    public const string FaultPointStored = "zalo-token-stored";

    private readonly SemaphoreSlim _refreshing = new(1, 1);

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

    public List<ZaloAlert> Alerts(int count) =>
        [.. db.Collection<ZaloAlert>(AlertsCollection).Query().OrderByDescending(a => a.Id).Limit(count).ToEnumerable()];

    /// <summary>Refreshes when the stored pair expires within the margin (the keeper calls this every minute).</summary>
    public async Task RefreshIfDueAsync(CancellationToken ct)
    {
        var current = Current();
        if (current.ExpiresAt - time.GetUtcNow() <= RefreshMargin)
        {
            await RefreshAsync(current.RefreshToken, ct);
        }
    }

    private async Task<string?> RefreshAsync(string sealedRefreshToken, CancellationToken ct)
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

            var (pair, error) = await api.RefreshAsync(seal.Open(current.RefreshToken) ?? "", ct);
            if (pair is null)
            {
                await AlertAsync(error ?? "unknown error");
                return current.ExpiresAt > time.GetUtcNow() ? seal.Open(current.AccessToken) : null;
            }

            var now = time.GetUtcNow();
            await db.WriteAsync(tx => tx.GetCollection<ZaloTokenRecord>(CollectionName).Upsert(new ZaloTokenRecord
            {
                AccessToken = seal.Seal(pair.AccessToken),
                RefreshToken = seal.Seal(pair.RefreshToken),
                ExpiresAt = now + pair.ExpiresIn,
                SeededFrom = current.SeededFrom,
                RefreshedAt = now,
            }));
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
    private ZaloTokenRecord Current()
    {
        var seed = seal.Hash("zalo-refresh:" + options.RefreshToken);
        var stored = db.Collection<ZaloTokenRecord>(CollectionName).FindById(ZaloTokenRecord.OnlyId);
        if (stored is not null && stored.SeededFrom == seed)
        {
            return stored;
        }

        var seeded = new ZaloTokenRecord
        {
            AccessToken = seal.Seal(options.AccessToken ?? ""),
            RefreshToken = seal.Seal(options.RefreshToken ?? ""),
            ExpiresAt = string.IsNullOrWhiteSpace(options.AccessToken) ? DateTimeOffset.MinValue : time.GetUtcNow() + SeededLifetime,
            SeededFrom = seed,
        };
        db.Write(tx => tx.GetCollection<ZaloTokenRecord>(CollectionName).Upsert(seeded));
        return seeded;
    }

    private async Task AlertAsync(string reason)
    {
        var now = time.GetUtcNow();
        var trimmed = reason.Length > 200 ? reason[..200] : reason;
        logger.LogError("Refreshing the Zalo access token failed ({Reason}); Zalo messages wait until an admin renews the tokens", trimmed);
        await db.WriteAsync(tx =>
        {
            tx.GetCollection<ZaloAlert>(AlertsCollection).Insert(new ZaloAlert { At = now, Reason = trimmed });
            if (options.AlertChat is { } chat)
            {
                // One alert an hour at most, however many sends tried.
                Outbox.AddNew(tx, [OutboxMessage.Create($"zalo-token-alert:{now.UtcDateTime:yyyyMMddHH}", chat, new OutgoingMessage(ZaloTexts.TokenAlert(trimmed)), now)]);
            }
        });
    }
}
