using CitizenBot.Core.Announcements;
using CitizenBot.Core.Messaging;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Announcements;

/// <summary>Who an announcement reaches, counted in one place: per village, for all, in the preview and in the report.</summary>
public sealed class AnnouncementAudienceTests : IDisposable
{
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _groupOne = new("telegram", "-3001");
    private readonly ChatAddress _groupTwo = new("telegram", "-3002");
    private readonly ChatAddress _anh = new("web", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    private readonly ChatAddress _binh = new("telegram", "4002");

    public AnnouncementAudienceTests()
    {
        var board = Board;
        board.RegisterGroup(_groupOne, "Thôn Một", "test");
        board.RegisterGroup(_groupTwo, "Thôn Hai", "test");
        board.Subscribe(_anh, "Thôn Một");
        board.Subscribe(_anh, "Thôn Hai");
        board.Subscribe(_binh, "Thôn Hai");
    }

    private AnnouncementBook Board => _bot.Get<AnnouncementBook>();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void Each_village_counts_its_groups_and_subscribed_citizens_and_all_counts_each_chat_once()
    {
        Assert.Equal(
            [new VillageAudience("Thôn Một", 1, 1), new VillageAudience("Thôn Hai", 1, 2), new VillageAudience("Thôn Ba", 0, 0)],
            Board.AudienceByVillage());
        Assert.Equal(4, Board.Recipients([]).Count);
        Assert.Equal(4, Board.Recipients(["Thôn Một", "Thôn Hai"]).Count);

        // A citizen subscribed to both villages is counted under the first in the commune's order.
        Assert.Equal("Thôn Một", Board.Audience(["Thôn Một", "Thôn Hai"]).Single(m => m.Address == _anh).Village);
    }

    [Fact]
    public void A_group_the_bot_left_is_no_longer_counted()
    {
        Board.ChatLeft(_groupTwo);

        Assert.Equal(new VillageAudience("Thôn Hai", 0, 2), Board.AudienceByVillage()[1]);
    }

    [Fact]
    public void Unknown_villages_are_told_apart_from_known_ones_written_without_diacritics()
    {
        var (known, unknown) = Board.ResolveVillages(["thon mot", "Hai", "kim son", "Thôn Một"]);

        Assert.Equal(["Thôn Một", "Thôn Hai"], known);
        Assert.Equal(["kim son"], unknown);
        Assert.Equal("Không có thôn: \"kim son\". Các thôn của xã: Thôn Một, Thôn Hai, Thôn Ba.", AnnouncementTexts.UnknownVillages(unknown, Board.Villages));
    }

    [Fact]
    public void The_same_draft_published_twice_is_sent_once()
    {
        var first = Board.Publish("Thông báo họp thôn tối thứ Bảy.", null, ["Thôn Hai"], "account:lan", null, "draft-1");
        var second = Board.Publish("Thông báo họp thôn tối thứ Bảy.", null, ["Thôn Hai"], "account:lan", null, "draft-1");

        Assert.Equal(first.Id, second.Id);
        Assert.Single(Board.Recent(10));
        Assert.Equal(3, _bot.Get<Outbox>().WithKeyPrefix(Announcement.DeliveryPrefix(first.Id)).Count());
    }

    [Fact]
    public async Task The_report_counts_deliveries_per_village()
    {
        var announcement = Board.Publish("Thông báo lịch cắt điện ngày 30/11.", null, [], "account:lan", null);
        var outbox = _bot.Get<Outbox>();
        var deliveries = outbox.WithKeyPrefix(Announcement.DeliveryPrefix(announcement.Id)).ToList();
        var now = _bot.Clock.GetUtcNow();
        await outbox.CompleteAsync(deliveries.Single(d => d.AddressKey == _groupOne.Key).Id, SendOutcome.Sent, now, 5);
        await outbox.CompleteAsync(deliveries.Single(d => d.AddressKey == _groupTwo.Key).Id, SendOutcome.Fail("Forbidden: the bot was removed"), now, 5);
        await outbox.CompleteAsync(deliveries.Single(d => d.AddressKey == _anh.Key).Id, SendOutcome.Sent, now, 5);

        var rows = Board.ReportByVillage(announcement);

        Assert.Equal([new VillageDelivery("Thôn Một", 2, 0, 0, 0), new VillageDelivery("Thôn Hai", 0, 1, 0, 1)], rows);
        Assert.Equal("nhóm Thôn Hai", Board.Report(announcement).Failed.Single().Recipient);
    }
}
