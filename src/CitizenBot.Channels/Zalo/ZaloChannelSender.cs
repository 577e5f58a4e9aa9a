using System.Text.Json.Nodes;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// Sends outbox messages to Zalo users and says how each attempt ended. Inside Zalo's free window a message goes as a
/// consultation message; outside it, a dossier or booking notice goes as a ZNS template message to the applicant's phone
/// when a template is configured, anything else as a proactive message while the month's quota lasts, and otherwise it
/// is held for the citizen's next message (nothing lost, nothing paid for unasked).
/// </summary>
public sealed class ZaloChannelSender(
    ZaloApiClient api,
    ZaloTokenStore tokens,
    ReplyWindows contacts,
    ZaloNotices notices,
    ZnsNotices znsNotices,
    ZnsChannelSender zns,
    Outbox outbox,
    TimeProvider time,
    ZaloOptions options,
    CommuneOptions commune,
    ILogger<ZaloChannelSender> logger) : IChannelSender
{
    public const string ChannelName = "zalo";

    /// <summary>Zalo's free window: after a user writes, the OA may reply this many times within this long (Zalo OA help centre).</summary>
    public static readonly TimeSpan FreeWindow = TimeSpan.FromHours(48);

    public const int FreeRepliesPerWindow = 8;

    /// <summary>Zalo's answers when the OA may not write to the user (no interaction within the window, not following).</summary>
    private static readonly HashSet<int> OutsideWindowErrors = [-213, -230];

    /// <summary>File types Zalo's upload/file documents accept; anything else is tried and, when refused, left out.</summary>
    private static readonly HashSet<string> ImageTypes = ["image/jpeg", "image/png", "image/gif"];

    public string Channel => ChannelName;

    public async Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct)
    {
        var userId = to.ChatId;
        if (contacts.WindowOpen(contacts.Get(userId)))
        {
            var outcome = await SendInWindowAsync(userId, message, ct);
            return outcome.Error is { } error && outcome.Kind == SendOutcomeKind.Failed && IsOutsideWindow(error)
                ? SendOutcome.Hold("Zalo refused: the user has not written within the window; waits for their next message")
                : outcome;
        }

        return await SendOutsideWindowAsync(userId, message, ct);
    }

    private async Task<SendOutcome> SendOutsideWindowAsync(string userId, OutgoingMessage message, CancellationToken ct)
    {
        if (notices.Resolve(message.OutboxKey) is { Change: { } change } && options.Templates.ContainsKey(ZaloNoticeKind.DossierStatus)
            && await ByApplicantZnsAsync(change.Code, change.Seq, ct) is { } byZns)
        {
            return byZns;
        }

        if (notices.Resolve(message.OutboxKey) is { Change: null } notice && options.Templates.TryGetValue(notice.Kind, out var templateId))
        {
            var result = await CallAsync((token, c) => api.SendZnsAsync(token, notice.Phone, templateId, notice.Data, TrackingId(message), c), ct);
            if (result.Ok)
            {
                await contacts.CountZnsAsync();
                return SendOutcome.SentAs("zns:" + (ZaloApiClient.Text(result.Data?["msg_id"]) ?? ""));
            }

            if (!IsQuotaError(result))
            {
                return Outcome(result);
            }

            logger.LogWarning("ZNS quota reached ({Error}); the notice waits for the citizen", result.Describe());
        }

        if (message.Confidential || options.MonthlyQuota <= 0 || !await contacts.TryTakeProactiveAsync(options.MonthlyQuota))
        {
            return SendOutcome.Hold("Outside Zalo's free window and no proactive message left: waits for the citizen's next message");
        }

        var proactive = await CallAsync((token, c) => api.SendPromotionAsync(token, userId, ZaloMessageBuilder.Proactive(commune.Name, message.Text), c), ct);
        if (proactive.Ok)
        {
            return SendOutcome.SentAs(ZaloApiClient.Text(proactive.Data?["message_id"]) ?? "");
        }

        await contacts.ReturnProactiveAsync();
        return IsQuotaError(proactive) || OutsideWindowErrors.Contains(proactive.Error)
            ? SendOutcome.Hold($"Zalo refused the proactive message ({proactive.Describe()}); waits for the citizen's next message")
            : Outcome(proactive);
    }

    /// <summary>
    /// A followed dossier's change outside the window goes as the change's one ZNS message to the dossier's phone (shared
    /// with the applicant sweep, so the phone is told once): sent here when it is new, else as it stands. When the ZNS
    /// cannot go (quota, refused), the follower's notice waits for their next message instead and the ZNS is withdrawn.
    /// </summary>
    private async Task<SendOutcome?> ByApplicantZnsAsync(string code, int seq, CancellationToken ct)
    {
        if (await znsNotices.EnsureAsync(code, seq, time.GetUtcNow()) is not { } shared)
        {
            return null;
        }

        var status = shared.Message.Status;
        if (shared.ClaimedHere)
        {
            var outcome = await zns.SendAsync(shared.Message.Address, outbox.Open(shared.Message) with { OutboxKey = shared.Message.Key }, ct);
            await outbox.CompleteAsync(shared.Message.Id, outcome, time.GetUtcNow(), OutboxDispatcher.MaxAttempts, dropConfidential: true);
            status = outbox.Get(shared.Message.Id)?.Status ?? OutboxStatus.Failed;
            if (outcome.Kind == SendOutcomeKind.RetryLater)
            {
                return outcome;
            }
        }

        switch (status)
        {
            case OutboxStatus.Sent or OutboxStatus.Unconfirmed:
                return SendOutcome.SentAs(shared.Message.Key);
            case OutboxStatus.Pending or OutboxStatus.Sending:
                return SendOutcome.Retry(TimeSpan.FromSeconds(30), "The dossier's ZNS message is under way");
            default:
                await outbox.WithdrawHeldAsync(shared.Message.Key);
                return SendOutcome.Hold("The dossier's ZNS message could not go: waits for the citizen's next message");
        }
    }

    private async Task<SendOutcome> SendInWindowAsync(string userId, OutgoingMessage message, CancellationToken ct)
    {
        string? firstId = null;
        var text = message.Text;
        if (message.File is { } file)
        {
            var (sent, captioned) = await SendFileAsync(userId, file, text, ct);
            if (sent is { Kind: not SendOutcomeKind.Sent })
            {
                return sent;
            }

            firstId = sent?.MessageId;
            if (captioned)
            {
                text = "";
            }
            else if (sent is null)
            {
                text = text.Length == 0 ? ZaloTexts.FileNotSent : text + "\n\n" + ZaloTexts.FileNotSent;
            }
        }

        if (text.Length > 0 || message.Buttons.Count > 0)
        {
            var (body, numbered) = ZaloMessageBuilder.Text(text.Length > 0 ? text : "…", message.Buttons);
            if (numbered is not null)
            {
                // Remembered before it leaves: the citizen's answer can come before this send's own bookkeeping.
                await contacts.RememberChoicesAsync(userId, numbered);
            }

            var result = await CallAsync((token, c) => api.SendCsAsync(token, userId, body, c), ct);
            if (!result.Ok)
            {
                return firstId is null ? Outcome(result) : SendOutcome.Unsure($"The file went, its text did not: {result.Describe()}");
            }

            await contacts.CountReplyAsync(userId);
            firstId ??= ZaloApiClient.Text(result.Data?["message_id"]);
        }

        if (message.RequestContact)
        {
            var form = await CallAsync((token, c) => api.SendCsAsync(token, userId, ZaloMessageBuilder.PhoneForm(), c), ct);
            if (form.Ok)
            {
                await contacts.CountReplyAsync(userId);
            }
            else
            {
                // The question itself went and typing the number still works: the form is a convenience.
                logger.LogWarning("The Zalo information form could not be sent: {Error}", form.Describe());
            }
        }

        return SendOutcome.SentAs(firstId ?? "");
    }

    /// <summary>
    /// Uploads and sends a file or image. Returns null when Zalo would not take the file (its type), so the text says so;
    /// whether the caption went with it (images carry their caption).
    /// </summary>
    private async Task<(SendOutcome? Outcome, bool Captioned)> SendFileAsync(string userId, FileAttachment file, string caption, CancellationToken ct)
    {
        JsonObject body;
        var image = ImageTypes.Contains(file.ContentType) || file.ContentType.StartsWith("image/", StringComparison.Ordinal);
        if (file.ChannelFileId is { } channelFileId)
        {
            var fileId = channelFileId.StartsWith(ZaloPhotoSource.ReferencePrefix, StringComparison.Ordinal) ? channelFileId[ZaloPhotoSource.ReferencePrefix.Length..] : channelFileId;
            // A file another channel holds: only a web address (a photo a citizen sent on Zalo) can be shown here.
            if (!image || !Uri.TryCreate(fileId, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            {
                return (null, false);
            }

            body = ZaloMessageBuilder.Image(caption, null, fileId);
        }
        else
        {
            var upload = await CallAsync((token, c) => api.UploadAsync(token, image, file.FileName, file.ContentType, file.Content, c), ct);
            if (!upload.Ok)
            {
                if (upload.HttpStatus is >= 400 and < 500 || upload.Error != 0 && !upload.TokenExpired)
                {
                    logger.LogWarning("Zalo did not take a {ContentType} file: {Error}", file.ContentType, upload.Describe());
                    return (null, false);
                }

                // Nothing was delivered yet: a failed upload can always be tried again.
                return (upload.TimedOut ? SendOutcome.Retry(TimeSpan.Zero, "Upload timed out") : Outcome(upload), false);
            }

            var id = image ? ZaloApiClient.Text(upload.Data?["attachment_id"]) : ZaloApiClient.Text(upload.Data?["token"]);
            if (id is null)
            {
                return (null, false);
            }

            body = image ? ZaloMessageBuilder.Image(caption, id, null) : ZaloMessageBuilder.File(id);
        }

        var sent = await CallAsync((token, c) => api.SendCsAsync(token, userId, body, c), ct);
        if (!sent.Ok)
        {
            return (Outcome(sent), false);
        }

        await contacts.CountReplyAsync(userId);
        return (SendOutcome.SentAs(ZaloApiClient.Text(sent.Data?["message_id"]) ?? ""), image);
    }

    private Task<ZaloApiResult> CallAsync(Func<string, CancellationToken, Task<ZaloApiResult>> call, CancellationToken ct) => CallAsync(tokens, call, ct);

    /// <summary>Calls with the current access token; a refused token is refreshed once and the call made again.</summary>
    internal static async Task<ZaloApiResult> CallAsync(ZaloTokenStore tokens, Func<string, CancellationToken, Task<ZaloApiResult>> call, CancellationToken ct)
    {
        var token = await tokens.AccessTokenAsync(ct);
        if (token is null)
        {
            return new ZaloApiResult(0, ZaloApiClient.InvalidToken, "no working access token", null) { NeverSent = true };
        }

        var result = await call(token, ct);
        if (!result.TokenExpired)
        {
            return result;
        }

        var fresh = await tokens.RefreshAfterRefusalAsync(token, ct);
        return fresh is null || fresh == token
            ? result with { NeverSent = true }
            : await call(fresh, ct);
    }

    internal static SendOutcome Outcome(ZaloApiResult result) => result switch
    {
        { Ok: true } => SendOutcome.Sent,
        { NeverSent: true, TokenExpired: true } => SendOutcome.Retry(TimeSpan.FromMinutes(5), "No working Zalo access token; an admin was alerted"),
        { NeverSent: true } => SendOutcome.Retry(TimeSpan.Zero, "Network: " + result.Message),
        { TimedOut: true } => SendOutcome.Unsure("Timeout: Zalo may already have the message; it is not sent again"),
        { HttpStatus: 429 } => SendOutcome.Retry(TimeSpan.FromSeconds(30), "429 Too Many Requests"),
        { HttpStatus: >= 500 } => SendOutcome.Retry(TimeSpan.Zero, result.Describe()),
        _ => SendOutcome.Fail(result.Describe()),
    };

    private static bool IsOutsideWindow(string error) => OutsideWindowErrors.Any(code => error.Contains($"error {code} ", StringComparison.Ordinal));

    /// <summary>Zalo's answer when a quota (OA proactive or ZNS) is used up.</summary>
    internal static bool IsQuotaError(ZaloApiResult result) =>
        result.Error != 0 && result.Message?.Contains("quota", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Zalo keeps the tracking id with the message: the outbox key's hash, which names no one.</summary>
    internal static string TrackingId(OutgoingMessage message) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(message.OutboxKey ?? message.Text)))[..32];
}
