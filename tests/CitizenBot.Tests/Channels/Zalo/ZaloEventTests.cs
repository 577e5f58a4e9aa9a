using CitizenBot.Channels.Zalo;

namespace CitizenBot.Tests.Channels.Zalo;

public sealed class ZaloEventTests
{
    [Fact]
    public void A_text_event_gives_its_sender_text_and_message_id()
    {
        var e = ZaloEvent.Parse("""{"app_id":"1","event_name":"user_send_text","timestamp":"1764000000000","sender":{"id":"u1"},"recipient":{"id":"oa"},"message":{"msg_id":"m9","text":"xin chào"}}""")!;

        Assert.Equal(("u1", "xin chào", "msg:m9"), (e.UserId, e.Text, e.Key));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764000000000), e.At);
    }

    [Fact]
    public void An_image_gives_its_url_and_a_location_its_coordinates_written_as_strings()
    {
        var image = ZaloEvent.Parse("""{"app_id":"1","event_name":"user_send_image","timestamp":"1","sender":{"id":"u1"},"message":{"msg_id":"m1","attachments":[{"type":"image","payload":{"thumbnail":"https://t/1.jpg","url":"https://f/1.jpg"}}]}}""")!;
        var place = ZaloEvent.Parse("""{"app_id":"1","event_name":"user_send_location","timestamp":"1","sender":{"id":"u1"},"message":{"msg_id":"m2","attachments":[{"type":"location","payload":{"coordinates":{"latitude":"19.8","longitude":"105.7"}}}]}}""")!;

        Assert.Equal([new ZaloAttachment("image", "https://f/1.jpg", null)], image.Attachments);
        Assert.Equal((19.8, 105.7), place.Location);
        Assert.Empty(place.Attachments);
    }

    [Fact]
    public void Follow_names_the_follower_and_the_information_form_gives_the_phone()
    {
        var follow = ZaloEvent.Parse("""{"app_id":"1","event_name":"follow","timestamp":"5","follower":{"id":"u7"},"oa_id":"oa"}""")!;
        var form = ZaloEvent.Parse("""{"app_id":"1","event_name":"user_submit_info","timestamp":"6","sender":{"id":"u7"},"info":{"name":"An","phone":"84912345678"}}""")!;

        Assert.Equal(("u7", "follow:u7:5"), (follow.UserId, follow.Key));
        Assert.Equal("84912345678", form.Phone);
        Assert.Equal("user_submit_info:u7:6", form.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"event_name":"user_send_text","timestamp":"1"}""")]
    [InlineData("""{"app_id":"1","timestamp":"1"}""")]
    [InlineData("""{"app_id":"1","event_name":"follow"}""")]
    public void A_body_that_is_not_an_event_gives_nothing(string body)
    {
        Assert.Null(ZaloEvent.Parse(body));
    }
}
