using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Channels.Zalo;

/// <summary>"Dữ liệu của tôi" and the retention sweep cover what the Zalo channel keeps about a user: reply window and inbox events.</summary>
public sealed class ZaloPersonalDataTests : IDisposable
{
    private const string User = "zu-42";
    private static readonly ChatAddress Me = new(ZaloChannelSender.ChannelName, User);
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private ReplyWindows Contacts => new(_bot.Get<CitizenDatabase>(), _bot.Clock, ZaloChannelSender.ChannelName, ZaloChannelSender.FreeWindow, ZaloChannelSender.FreeRepliesPerWindow);

    private ChannelInbox Inbox => new(_bot.Get<CitizenDatabase>(), ZaloChannelSender.ChannelName, _bot.Get<DataSeal>());

    private ZaloPersonalData Holder => new(Contacts, Inbox, _bot.Get<CommuneClock>());

    private async Task<long> UserWroteAsync(string user, string key, string words)
    {
        var id = (await Inbox.AddAsync(key, user, "{\"event_name\":\"user_send_text\",\"sender\":{\"id\":\"" + user + "\"},\"message\":{\"text\":\"" + words + "\"}}", _bot.Clock.GetUtcNow()))!.Value;
        _bot.Get<CitizenDatabase>().Write(tx => Contacts.Touch(tx, user, _bot.Clock.GetUtcNow(), following: true));
        return id;
    }

    [Fact]
    public async Task The_raw_event_is_sealed_at_rest_and_emptied_once_handled()
    {
        var id = await UserWroteAsync(User, "msg:1", "nhà tôi ở số 12");
        var stored = _bot.Get<CitizenDatabase>().Collection<InboxEvent>(Inbox.CollectionName).FindById(id);

        Assert.DoesNotContain("số 12", stored.Body, StringComparison.Ordinal);
        Assert.Contains("số 12", Inbox.BodyOf(stored), StringComparison.Ordinal);
        await Inbox.MarkDoneAsync(id);
        Assert.Equal("", _bot.Get<CitizenDatabase>().Collection<InboxEvent>(Inbox.CollectionName).FindById(id).Body);
    }

    [Fact]
    public async Task My_data_shows_the_Zalo_contact_and_events_and_erasure_forgets_them_and_no_one_else()
    {
        var id = await UserWroteAsync(User, "msg:1", "xin chào");
        await Inbox.MarkDoneAsync(id);
        await UserWroteAsync("zu-43", "msg:2", "chào");

        var records = Holder.Records(Me).ToList();
        Assert.Contains(records, r => r.Fields.TryGetValue("Mã người dùng Zalo", out var v) && v == User);
        Assert.Contains(records, r => r.Title.StartsWith("Tin Zalo nhận lúc", StringComparison.Ordinal));
        Assert.Empty(Holder.Records(new ChatAddress("telegram", User)));

        Assert.Equal(2, Holder.Erase(Me).Erased);
        Assert.Empty(Holder.Records(Me));
        Assert.Null(Contacts.Get(User));
        Assert.Empty(Inbox.Of(User));
        Assert.NotNull(Contacts.Get("zu-43"));
        Assert.Single(Inbox.Of("zu-43"));
    }

    [Fact]
    public async Task The_retention_sweep_forgets_Zalo_users_who_have_not_written_since_and_their_handled_events()
    {
        var old = await UserWroteAsync(User, "msg:1", "xin chào");
        await Inbox.MarkDoneAsync(old);
        _bot.Clock.Advance(TimeSpan.FromDays(40));
        await UserWroteAsync("zu-43", "msg:2", "chào");

        var expired = Holder.Expire(_bot.Clock.GetUtcNow() - TimeSpan.FromDays(30));

        Assert.Equal(2, expired);
        Assert.Null(Contacts.Get(User));
        Assert.Empty(Inbox.Of(User));
        Assert.NotNull(Contacts.Get("zu-43"));
        Assert.Single(Inbox.Of("zu-43"));
    }
}
