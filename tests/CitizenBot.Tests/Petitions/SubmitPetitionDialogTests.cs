using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Petitions;

public sealed class SubmitPetitionDialogTests : IDisposable
{
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _citizen = new("web", "p0000000000000000000000000000001");

    public void Dispose() => _bot.Dispose();

    private List<OutboxMessage> ToOfficers() => _bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 1000);

    [Fact]
    public async Task A_petition_is_summarised_confirmed_and_given_a_tracking_code_and_a_due_date()
    {
        var summary = await _bot.PetitionUpToConfirmAsync(_citizen, "Kiến nghị");
        summary.ShouldSay("Xin ông/bà kiểm tra lại đơn");
        summary.ShouldSay("Thôn: Thôn Một");
        summary.ShouldSay("Trần Văn Bình · 📱 0987111222");

        var replies = await _bot.PressAsync("✅ Có", _citizen);

        replies.ShouldSay("Mã theo dõi: KN-");
        // 10 working days from Tuesday 24/11/2026.
        replies.ShouldSay("Hạn trả lời: Thứ Ba, 08/12/2026");
        replies.ShouldSay("Xin chân thành cảm ơn");
        var relay = Assert.Single(ToOfficers());
        Assert.Contains(PetitionSteps.Content, relay.Text, StringComparison.Ordinal);
        Assert.Contains("SĐT ******1222", relay.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_may_be_anonymous_and_then_keeps_no_name_or_phone()
    {
        var code = await _bot.SubmitPetitionAsync(_citizen, "Kiến nghị", anonymous: true);

        var petition = _bot.Get<PetitionBook>().Get(code)!;
        Assert.True(petition.Anonymous);
        Assert.Null(petition.ContactName);
        Assert.Null(petition.ContactPhone);
        Assert.Contains("Người gửi: ẩn danh", Assert.Single(ToOfficers()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_requires_the_authors_name_and_phone()
    {
        var code = await _bot.SubmitPetitionAsync(_citizen, "Khiếu nại");

        Assert.StartsWith("KH-", code, StringComparison.Ordinal);
        Assert.Equal("Trần Văn Bình", _bot.Get<PetitionBook>().Get(code)!.ContactName);
    }

    [Fact]
    public async Task Content_too_short_or_too_long_is_refused_with_the_limits()
    {
        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Gửi kiến nghị, phản ánh", _citizen);
        await _bot.PressAsync("Kiến nghị", _citizen);
        await _bot.PressAsync("Môi trường", _citizen);
        await _bot.PressAsync("Thôn Một", _citizen);

        (await _bot.SayAsync("Rác nhiều", _citizen)).ShouldSay("ít nhất 20 ký tự");
        (await _bot.SayAsync(new string('a', 3001), _citizen)).ShouldSay("dài quá 3000 ký tự");
    }

    [Fact]
    public async Task Photos_and_a_location_are_kept_with_the_petition()
    {
        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Gửi kiến nghị, phản ánh", _citizen);
        await _bot.PressAsync("Kiến nghị", _citizen);
        await _bot.PressAsync("Môi trường", _citizen);
        await _bot.PressAsync("Thôn Một", _citizen);
        await _bot.SayAsync(PetitionSteps.Content, _citizen);
        await _bot.TurnAsync(new TurnInput { Attachments = [new InputAttachment("photo", "file-1"), new InputAttachment("photo", "file-2")] }, _citizen);
        await _bot.TurnAsync(new TurnInput { Location = GeoPoint.Of(19.85, 105.88) }, _citizen);
        await _bot.PressAsync("Gửi ẩn danh", _citizen);
        (await _bot.SayAsync("có", _citizen)).ShouldSay("Mã theo dõi");

        var petition = _bot.Get<PetitionBook>().Mine(_citizen.Key).Single();
        Assert.Equal(["file-1", "file-2"], petition.Photos);
        Assert.Equal(19.85, petition.Latitude);
        Assert.Equal(105.88, petition.Longitude);
    }

    [Fact]
    public async Task A_location_that_is_not_a_place_on_earth_is_asked_for_again_and_never_kept()
    {
        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Gửi kiến nghị, phản ánh", _citizen);
        await _bot.PressAsync("Kiến nghị", _citizen);
        await _bot.PressAsync("Môi trường", _citizen);
        await _bot.PressAsync("Thôn Một", _citizen);
        await _bot.SayAsync(PetitionSteps.Content, _citizen);
        await _bot.PressAsync("Bỏ qua", _citizen);

        // NaN used to reach the dialog's state, whose JSON could not be written: the turn failed with "sự cố".
        var nan = await _bot.TurnAsync(new TurnInput { Location = GeoPoint.Of(double.NaN, 0) }, _citizen);
        Assert.DoesNotContain(nan, m => m.Text.Contains("sự cố", StringComparison.Ordinal));
        await _bot.TurnAsync(new TurnInput { Location = GeoPoint.Of(91, 200) }, _citizen);
        await _bot.TurnAsync(new TurnInput { Location = GeoPoint.Of(19.85, 105.88) }, _citizen);
        await _bot.PressAsync("Gửi ẩn danh", _citizen);
        (await _bot.SayAsync("có", _citizen)).ShouldSay("Mã theo dõi");

        var petition = _bot.Get<PetitionBook>().Mine(_citizen.Key).Single();
        Assert.Equal((19.85, 105.88), (petition.Latitude, petition.Longitude));
    }

    [Fact]
    public async Task My_petitions_lists_each_with_its_status()
    {
        var first = await _bot.SubmitPetitionAsync(_citizen, "Kiến nghị");
        var second = await _bot.SubmitPetitionAsync(_citizen, "Tố cáo");
        await _bot.SayAsync("menu", _citizen);

        var replies = await _bot.PressAsync("Kiến nghị của tôi", _citizen);

        replies.ShouldSay(first);
        replies.ShouldSay(second);
        replies.ShouldSay("Trạng thái: Đã tiếp nhận");
        (await _bot.SayAsync("kiến nghị của tôi", new ChatAddress("web", "someone-else"))).ShouldNotSay(first);
    }
}
