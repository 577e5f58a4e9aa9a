using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// The ZNS template messages that tell a dossier's applicant of a change at the phone number the desk recorded. One per
/// dossier change, ever: the outbox key <c>zns:dossier:{code}:change:{seq}</c> is shared by the applicant sweep and by a
/// Zalo follower's notice outside the free window, so the phone gets one message whichever path gets there first. The
/// phone and the template's data are sealed in the outbox and dropped once sent.
/// </summary>
public sealed class ZnsNotices(ZnsStore store, DossierBook dossiers, DataSeal seal, CommuneClock clock, ZaloOptions options)
{
    public static string Key(string code, int seq) => $"zns:dossier:{code}:change:{seq.ToString(CultureInfo.InvariantCulture)}";

    public static ChatAddress Address(string code) => new(ZnsChannelSender.ChannelName, code);

    /// <summary>The notices that go by ZNS: a status change or a new due date (the applicant has the receipt of the filing itself).</summary>
    public static bool Notifies(DossierChange change) => change.Kind is DossierChangeKind.StatusChanged or DossierChangeKind.DueDateChanged;

    /// <summary>The stored ZNS message for one change, or null when the dossier has no phone Zalo can reach or no template is set.</summary>
    public OutboxMessage? Create(Dossier dossier, DossierChange change, DateTimeOffset now)
    {
        if (!options.Templates.ContainsKey(ZaloNoticeKind.DossierStatus) || ZaloNotices.ToZaloPhone(dossier.Phone) is not { } phone)
        {
            return null;
        }

        var content = new JsonObject
        {
            ["kind"] = nameof(ZaloNoticeKind.DossierStatus),
            ["phone"] = phone,
            ["data"] = new JsonObject
            {
                ["dossier_code"] = dossier.Code,
                ["procedure"] = dossier.Procedure,
                ["status"] = DossierStatusWords.InWords(change.Status),
                ["due_date"] = clock.ToLocal(change.DueAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            },
        };
        return OutboxMessage.Create(Key(dossier.Code, change.Seq), Address(dossier.Code), new OutgoingMessage(content.ToJsonString()).AsConfidential(), now, seal);
    }

    /// <summary>
    /// For a Zalo follower's notice outside the window: the change's ZNS message, stored now if it was not (claimed, for
    /// the caller to send at once), or as it stands. Null when no ZNS can go for it.
    /// </summary>
    public Task<(OutboxMessage Message, bool ClaimedHere)?> EnsureAsync(string code, int seq, DateTimeOffset now) =>
        store.EnsureClaimedAsync(Key(code, seq), () =>
            dossiers.Get(code) is { } dossier && dossier.History.FirstOrDefault(c => c.Seq == seq) is { } change ? Create(dossier, change, now) : null);

    /// <summary>The phone and data of a stored ZNS message, opened.</summary>
    public static (ZaloNoticeKind Kind, string Phone, JsonObject Data)? Read(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject o && Enum.TryParse<ZaloNoticeKind>(ZaloApiClient.Text(o["kind"]), out var kind)
                && ZaloApiClient.Text(o["phone"]) is { Length: > 0 } phone && o["data"] is JsonObject data
                ? (kind, phone, data)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Sends the stored ZNS messages (channel "zns", one address per dossier) as Zalo template messages to the applicant's
/// phone: counted in the month's ZNS figure, retried after a server error under the same tracking id, held when Zalo's
/// ZNS quota is used up. Never logs the phone or the data.
/// </summary>
public sealed class ZnsChannelSender(ZaloApiClient api, ZaloTokenStore tokens, ReplyWindows contacts, ZaloOptions options, ILogger<ZnsChannelSender> logger) : IChannelSender
{
    public const string ChannelName = "zns";

    public string Channel => ChannelName;

    public async Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct)
    {
        if (ZnsNotices.Read(message.Text) is not { } notice)
        {
            return SendOutcome.Fail("The ZNS message's content could not be read (already sent and dropped?)");
        }

        if (!options.Templates.TryGetValue(notice.Kind, out var templateId))
        {
            return SendOutcome.Fail($"No ZNS template is configured for {notice.Kind} any more");
        }

        var result = await ZaloChannelSender.CallAsync(tokens, (token, c) =>
            api.SendZnsAsync(token, notice.Phone, templateId, notice.Data, ZaloChannelSender.TrackingId(message), c), ct);
        if (result.Ok)
        {
            await contacts.CountZnsAsync();
            return SendOutcome.SentAs("zns:" + (ZaloApiClient.Text(result.Data?["msg_id"]) ?? ""));
        }

        if (ZaloChannelSender.IsQuotaError(result))
        {
            logger.LogWarning("ZNS quota reached ({Error}); the dossier notice is held", result.Describe());
            return SendOutcome.Hold("Zalo's ZNS quota is used up: " + result.Describe());
        }

        return ZaloChannelSender.Outcome(result);
    }
}

/// <summary>
/// Tells each dossier's applicant of its status changes by ZNS at the dossier's phone, so even an applicant who never
/// wrote to the OA is told; only when a <c>Zalo:Templates:DossierStatus</c> template is set. A change a Zalo follower of
/// the dossier is told of (they proved the phone's last digits to follow) is left to that follow: in the free window it
/// goes in the chat, outside it by the same shared ZNS message. Enqueues only, under keys from the change: twice, or after
/// a crash, nothing goes twice.
/// </summary>
public sealed class ZnsApplicantSweep(ZnsStore store, DossierBook dossiers, FollowBook follows, ZnsNotices notices, ZaloOptions options, TimeProvider time, ILogger<ZnsApplicantSweep> logger) : ISweep
{
    public const string JobId = "zalo-zns-applicants";

    /// <summary>A change older than this when first seen (the channel just switched on, a long stop) is news no longer.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(3);

    /// <summary>How long a notice held for Zalo's ZNS quota waits before it is tried again.</summary>
    public static readonly TimeSpan QuotaPause = TimeSpan.FromHours(6);

    string ISweep.Id => JobId;

    string ISweep.Cron => "* * * * *";

    public int Run()
    {
        if (!options.Templates.ContainsKey(ZaloNoticeKind.DossierStatus))
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var since = now - MaxAge;
        var work = new List<(string Code, int Seq, List<OutboxMessage> Messages)>();

        // Only the dossiers changed in the last MaxAge are read (the ChangedAt index), and for each its cursor and follows by key.
        foreach (var dossier in dossiers.ChangedSince(since))
        {
            var seen = store.Cursor(dossier.Code);
            if (dossier.LastSeq <= seen)
            {
                continue;
            }

            var candidates = dossier.History.Where(c => c.Seq > seen && c.At >= since && ZnsNotices.Notifies(c)).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var zaloFollows = follows.ActiveOf(dossier.Code)
                .Where(f => f.AddressKey.StartsWith(ZaloChannelSender.ChannelName + ":", StringComparison.Ordinal))
                .ToList();

            // The decision is kept (the cursor): a follower who unfollows later does not make an old change go again.
            var messages = candidates
                .Where(c => !zaloFollows.Any(f => f.FollowedAt <= c.At))
                .Select(c => notices.Create(dossier, c, now))
                .OfType<OutboxMessage>()
                .ToList();
            work.Add((dossier.Code, dossier.LastSeq, messages));
        }

        // One write per dossier, its messages with its cursor.
        var queued = work.Sum(w => store.QueueAndAdvance(w.Code, w.Seq, w.Messages));

        // Held for Zalo's ZNS quota: tried again after a pause (the quota is counted by the day).
        foreach (var address in store.HeldSince(ZnsChannelSender.ChannelName, now - QuotaPause))
        {
            queued += store.Release(address, now);
        }

        if (queued > 0)
        {
            logger.LogInformation("ZNS applicant sweep queued {Count} dossier notices", queued);
        }

        return queued;
    }
}
