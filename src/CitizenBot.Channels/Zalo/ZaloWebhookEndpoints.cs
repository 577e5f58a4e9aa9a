using System.Text;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// Zalo's webhook: the signature and the timestamp are checked, the event is stored in one write and Zalo gets its 200
/// at once (it allows two seconds); the processor handles it after. A retried delivery is answered 200 and not stored again.
/// </summary>
public static class ZaloWebhookEndpoints
{
    public const string WebhookPath = "/zalo/webhook";

    /// <summary>Kill point for the crash tests: the event is stored and Zalo has not had its answer.</summary>
    public const string FaultPointStored = "zalo-event-stored";

    /// <summary>Zalo's events are small JSON documents; anything larger is not one.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookPath, ReceiveAsync);
        app.MapGet("/officer/api/zalo", (ZaloReport report) => Results.Ok(report.Build()));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, ZaloOptions options, ChannelInbox inbox, ZaloEventProcessor processor,
        TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(ZaloWebhookEndpoints).FullName!);
        if (http.Request.ContentLength is > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var e = ZaloEvent.Parse(body);
        if (e is null)
        {
            return Results.BadRequest();
        }

        if (e.AppId != options.AppId
            || !ZaloSignature.IsValid(http.Request.Headers[ZaloSignature.HeaderName], e.AppId, body, e.Timestamp, options.OaSecretKey!))
        {
            logger.LogWarning("A Zalo webhook call with a wrong signature or app id was refused");
            return Results.Unauthorized();
        }

        var age = time.GetUtcNow() - e.At;
        if (age > options.MaxEventAge || age < -options.MaxEventAge)
        {
            // A signed event replayed long after (or stamped far ahead): refused, so a captured call cannot be used again.
            logger.LogWarning("A Zalo webhook event {Minutes:0} minutes off the clock was refused", age.TotalMinutes);
            return Results.Unauthorized();
        }

        if (!ZaloEvent.Handled.Contains(e.Name) || e.UserId is not { Length: > 0 })
        {
            return Results.Ok();
        }

        if (await inbox.AddAsync(e.Key, e.UserId, body, time.GetUtcNow()) is not null)
        {
            FaultPoints.Hit(FaultPointStored);
            processor.Notify();
        }

        return Results.Ok();
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>What the officers' console shows of the Zalo channel: what waits and why, the month's counts, the tokens, alerts.</summary>
public sealed class ZaloReport(Outbox outbox, ReplyWindows contacts, ZaloTokenStore tokens, ChannelInbox inbox, ZaloOptions options)
{
    public sealed record WaitingView(long Id, string User, string Kind, DateTimeOffset CreatedAt, string Reason);

    public sealed record ReportView(
        int Waiting, IReadOnlyList<WaitingView> WaitingMessages, int Followers, int ProactiveThisMonth, int MonthlyQuota, int ZnsThisMonth,
        IReadOnlyList<string> TemplatesConfigured, DateTimeOffset TokenExpiresAt, DateTimeOffset? TokenRefreshedAt, int InboxPending,
        IReadOnlyList<ChannelAlert> Alerts)
    {
        /// <summary>ZNS notices to applicants' phones not sent yet: waiting their turn, retried, or held for Zalo's ZNS quota.</summary>
        public int ZnsWaiting { get; init; }

        /// <summary>ZNS notices Zalo refused for good (a phone without Zalo, a template refused): the applicant was not told by ZNS.</summary>
        public int ZnsFailed { get; init; }
    }

    /// <summary>What the console's home shows of the channel: counts only, without reading every Zalo contact.</summary>
    public sealed record HomeView(int Waiting, int ProactiveThisMonth, int MonthlyQuota, int ZnsThisMonth, int ZnsWaiting, int ZnsFailed, ChannelAlert? LastAlert);

    public HomeView Home()
    {
        var usage = contacts.Usage();
        return new HomeView(HeldForZalo().Count, usage.Proactive, options.MonthlyQuota, usage.Zns, ZnsWaiting(), ZnsFailed(), tokens.Alerts(1).FirstOrDefault());
    }

    public ReportView Build()
    {
        var held = HeldForZalo();
        var usage = contacts.Usage();
        return new ReportView(
            held.Count,
            [.. held.Take(200).Select(m => new WaitingView(m.Id, m.Address.ChatId, KindOf(m.Key), m.CreatedAt, m.Error ?? ""))],
            contacts.All().Count(c => c.Following),
            usage.Proactive,
            options.MonthlyQuota,
            usage.Zns,
            [.. options.Templates.Keys.Select(k => k.ToString())],
            tokens.ExpiresAt,
            tokens.RefreshedAt,
            inbox.PendingCount(),
            tokens.Alerts(20))
        {
            ZnsWaiting = ZnsWaiting(),
            ZnsFailed = ZnsFailed(),
        };
    }

    private List<OutboxMessage> HeldForZalo() =>
        [.. outbox.AllHeld().Where(m => m.AddressKey.StartsWith(ZaloChannelSender.ChannelName + ":", StringComparison.Ordinal))];

    private int ZnsWaiting() => outbox.CountWithKeyPrefix("zns:", OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Held);

    private int ZnsFailed() => outbox.CountWithKeyPrefix("zns:", OutboxStatus.Failed);

    /// <summary>The kind of message from its outbox key ("dossier", "announcement", "reception"…), never its content.</summary>
    private static string KindOf(string key) => key.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? key[..colon] : "message";
}
