using System.Text.Json.Nodes;
using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using LiteDB;

namespace CitizenBot.Tests.Channels.Zalo;

/// <summary>
/// The Zalo inbox keeps a follow/unfollow event's dedupe key (built from the user id and the time) and its user only as
/// keyed hashes: a stored event names no one, a retried delivery is still stored once, and the user's "Dữ liệu của tôi"
/// still finds and erases it. Events stored in clear by an older version are hashed at start.
/// </summary>
public sealed class ZaloInboxTests : IDisposable
{
    private const string Follower = "8461234567890123";
    private const string Timestamp = "1764122400000";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private ChannelInbox Inbox => new(_bot.Get<CitizenDatabase>(), ZaloChannelSender.ChannelName, _bot.Get<DataSeal>());

    private ILiteCollection<BsonDocument> Raw => _bot.Get<CitizenDatabase>().Collection<BsonDocument>(ZaloChannelSender.ChannelName + "_inbox");

    private static string FollowBody(string name, string user, string timestamp) => new JsonObject
    {
        ["app_id"] = "app-1", ["event_name"] = name, ["timestamp"] = timestamp, ["oa_id"] = "oa-1",
        ["follower"] = new JsonObject { ["id"] = user }, ["source"] = "oa_profile",
    }.ToJsonString();

    /// <summary>Stores an event as the webhook does: its key and user as <see cref="ZaloEvent"/> reads them from the body.</summary>
    private Task<long?> DeliverAsync(ChannelInbox inbox, string body)
    {
        var e = ZaloEvent.Parse(body)!;
        return inbox.AddAsync(e.Key, e.UserId!, body, _bot.Clock.GetUtcNow());
    }

    /// <summary>Every field of the stored row but the sealed body, as LiteDB holds it.</summary>
    private string StoredFields(long id)
    {
        var doc = Raw.FindById(id);
        doc.Remove(nameof(InboxEvent.Body));
        return doc.ToString();
    }

    [Fact]
    public async Task A_follow_events_stored_key_and_fields_hold_no_Zalo_user_id_before_or_after_it_is_handled()
    {
        var body = FollowBody(ZaloEvent.Follow, Follower, Timestamp);
        Assert.Contains(Follower, ZaloEvent.Parse(body)!.Key, StringComparison.Ordinal);
        var inbox = Inbox;

        var id = (await DeliverAsync(inbox, body))!.Value;

        var stored = Raw.FindById(id);
        Assert.StartsWith(ChannelInbox.HashPrefix, stored[nameof(InboxEvent.Key)].AsString, StringComparison.Ordinal);
        Assert.StartsWith(ChannelInbox.HashPrefix, stored[nameof(InboxEvent.UserId)].AsString, StringComparison.Ordinal);
        Assert.DoesNotContain(Follower, StoredFields(id), StringComparison.Ordinal);
        Assert.DoesNotContain(Timestamp, StoredFields(id), StringComparison.Ordinal);
        Assert.DoesNotContain(Follower, stored[nameof(InboxEvent.Body)].AsString, StringComparison.Ordinal);
        Assert.Equal(body, inbox.BodyOf(inbox.Of(Follower).Single()));

        await inbox.MarkDoneAsync(id);
        Assert.DoesNotContain(Follower, Raw.FindById(id).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_delivered_again_is_stored_once_and_an_unfollow_or_a_later_follow_is_a_new_event()
    {
        var inbox = Inbox;
        var body = FollowBody(ZaloEvent.Follow, Follower, Timestamp);

        var first = await DeliverAsync(inbox, body);
        var retries = await Task.WhenAll(DeliverAsync(inbox, body), DeliverAsync(Inbox, body));
        var unfollow = await DeliverAsync(inbox, FollowBody(ZaloEvent.Unfollow, Follower, Timestamp));
        var later = await DeliverAsync(inbox, FollowBody(ZaloEvent.Follow, Follower, "1764122460000"));
        var someoneElse = await DeliverAsync(inbox, FollowBody(ZaloEvent.Follow, "8460000000000001", Timestamp));

        Assert.NotNull(first);
        Assert.All(retries, r => Assert.Null(r));
        Assert.All([unfollow, later, someoneElse], r => Assert.NotNull(r));
        Assert.Equal(4, inbox.Count());
        Assert.Equal(3, inbox.Of(Follower).Count);
    }

    [Fact]
    public async Task My_data_lists_and_erasure_forgets_the_users_follow_events_found_by_the_hash_of_their_id()
    {
        var inbox = Inbox;
        var mine = (await DeliverAsync(inbox, FollowBody(ZaloEvent.Follow, Follower, Timestamp)))!.Value;
        await inbox.MarkDoneAsync(mine);
        await DeliverAsync(inbox, FollowBody(ZaloEvent.Follow, "8460000000000001", Timestamp));
        var contacts = new ReplyWindows(_bot.Get<CitizenDatabase>(), _bot.Clock, ZaloChannelSender.ChannelName, ZaloChannelSender.FreeWindow, ZaloChannelSender.FreeRepliesPerWindow);
        var holder = new ZaloPersonalData(contacts, inbox, _bot.Get<CommuneClock>());
        var me = new ChatAddress(ZaloChannelSender.ChannelName, Follower);

        var record = Assert.Single(holder.Records(me));
        Assert.StartsWith("Tin Zalo nhận lúc", record.Title, StringComparison.Ordinal);
        Assert.Contains("mã băm", record.Fields["Trạng thái"], StringComparison.Ordinal);

        Assert.Equal(1, holder.Erase(me).Erased);
        Assert.Empty(holder.Records(me));
        Assert.Single(inbox.Of("8460000000000001"));
        Assert.Null(await DeliverAsync(inbox, FollowBody(ZaloEvent.Follow, "8460000000000001", Timestamp)));
    }

    [Fact]
    public async Task Events_an_older_version_stored_with_clear_keys_are_hashed_at_start_and_still_turn_Zalos_retries_away()
    {
        var body = FollowBody(ZaloEvent.Follow, Follower, Timestamp);
        var clearKey = ZaloEvent.Parse(body)!.Key;
        _ = Inbox;
        var old = new InboxEvent { Key = clearKey, UserId = Follower, ReceivedAt = _bot.Clock.GetUtcNow(), Done = true };
        _bot.Get<CitizenDatabase>().Write(tx => tx.GetCollection<InboxEvent>(ZaloChannelSender.ChannelName + "_inbox").Insert(old));
        var id = old.Id;
        Assert.Contains(Follower, StoredFields(id), StringComparison.Ordinal);

        _bot.Restart();
        var inbox = Inbox;

        Assert.DoesNotContain(Follower, StoredFields(id), StringComparison.Ordinal);
        Assert.Null(await DeliverAsync(inbox, body));
        Assert.Equal(id, Assert.Single(inbox.Of(Follower)).Id);
        Assert.Equal(1, inbox.Count());

        // A second start leaves the hashed rows as they are.
        var hashed = StoredFields(id);
        _bot.Restart();
        _ = Inbox;
        Assert.Equal(hashed, StoredFields(id));
    }
}
