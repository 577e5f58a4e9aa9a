using CitizenBot.Channels.Zalo;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Tests.Channels.Zalo;

/// <summary>How a Zalo event becomes the engine's channel-neutral input.</summary>
public sealed class ZaloInputTests
{
    private static ZaloEvent Event(string name, string? text = null) => new() { AppId = "1", Name = name, Timestamp = "1", UserId = "u1", Text = text };

    [Fact]
    public void A_pressed_query_button_comes_back_as_its_payload()
    {
        var input = ZaloEventProcessor.ToInput(Event("user_send_text", "#cb:ab12|yes"), 7, [])!;

        Assert.Equal(("ab12|yes", (string?)null, 7L), (input.Payload, input.Text, input.UpdateId));
        Assert.Equal("zalo-user:u1", input.SenderKey);
    }

    [Fact]
    public void A_number_picks_from_the_last_numbered_choices_and_any_other_number_stays_text()
    {
        string[] choices = ["m|dossier", "m|reception"];

        Assert.Equal("m|reception", ZaloEventProcessor.ToInput(Event("user_send_text", " 2 "), 1, choices)!.Payload);
        Assert.Equal("3", ZaloEventProcessor.ToInput(Event("user_send_text", "3"), 1, choices)!.Text);
        Assert.Equal("0912345678", ZaloEventProcessor.ToInput(Event("user_send_text", "0912345678"), 1, choices)!.Text);
    }

    [Fact]
    public void Follow_starts_the_conversation_and_the_form_gives_the_contact_phone()
    {
        Assert.Equal("/start", ZaloEventProcessor.ToInput(Event(ZaloEvent.Follow), 1, [])!.Text);
        Assert.Equal("84912345678", ZaloEventProcessor.ToInput(Event(ZaloEvent.SubmitInfo) with { Phone = "84912345678" }, 1, [])!.ContactPhone);
        Assert.Null(ZaloEventProcessor.ToInput(Event(ZaloEvent.SubmitInfo), 1, []));
    }

    [Fact]
    public void Images_become_photos_and_a_location_drops_its_description()
    {
        var photo = ZaloEventProcessor.ToInput(Event("user_send_image") with { Attachments = [new ZaloAttachment("image", "https://f/1.jpg", null)] }, 1, [])!;
        var place = ZaloEventProcessor.ToInput(Event("user_send_location", "Vị trí") with { Location = (19.8, 105.7) }, 1, [])!;

        Assert.Equal("photo", Assert.Single(photo.Attachments).Kind);
        Assert.Equal("zalo:https://f/1.jpg", photo.Attachments[0].FileId);
        Assert.Equal(GeoPoint.Of(19.8, 105.7), place.Location);
        Assert.Null(place.Text);
    }

    [Theory]
    [InlineData("0912345678", "84912345678")]
    [InlineData("84912345678", "84912345678")]
    [InlineData("+84 912 345 678", "84912345678")]
    [InlineData("12345", null)]
    [InlineData("", null)]
    public void ZNS_phones_carry_the_country_code(string phone, string? expected)
    {
        Assert.Equal(expected, ZaloNotices.ToZaloPhone(phone));
    }
}
