using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Messaging;

namespace CitizenBot.Tests.Channels.Zalo;

public sealed class ZaloMessageBuilderTests
{
    private static List<Button> Buttons(int count, int labelLength = 10) =>
        [.. Enumerable.Range(1, count).Select(i => new Button(new string('a', labelLength - 1) + i % 10, $"t|{i}"))];

    [Fact]
    public void Up_to_five_choices_go_as_hidden_query_buttons_whose_payload_is_marked()
    {
        var (message, numbered) = ZaloMessageBuilder.Text("Chọn một:", Buttons(5));

        var buttons = message["attachment"]!["payload"]!["buttons"]!.AsArray();
        Assert.Null(numbered);
        Assert.Equal(5, buttons.Count);
        Assert.All(buttons, b => Assert.Equal("oa.query.hide", b!["type"]!.GetValue<string>()));
        Assert.Equal("#cb:t|1", buttons[0]!["payload"]!.GetValue<string>());
        Assert.Equal("Chọn một:", message["text"]!.GetValue<string>());
    }

    [Fact]
    public void More_than_five_choices_are_numbered_in_the_text_and_their_payloads_kept_in_order()
    {
        var (message, numbered) = ZaloMessageBuilder.Text("Ông/bà cần giúp gì? Xin bấm một nút bên dưới:", Buttons(6));

        var text = message["text"]!.GetValue<string>();
        Assert.Null(message["attachment"]);
        Assert.Equal([.. Enumerable.Range(1, 6).Select(i => $"t|{i}")], numbered);
        Assert.Contains("6. ", text, StringComparison.Ordinal);
        Assert.Contains("gõ số thứ tự bên dưới", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bấm một nút", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_longer_than_Zalo_allows_falls_back_to_numbers_and_other_texts_get_the_hint()
    {
        var (message, numbered) = ZaloMessageBuilder.Text("Chọn:", Buttons(2, labelLength: ZaloMessageBuilder.MaxButtonTitleLength + 1));

        Assert.NotNull(numbered);
        Assert.EndsWith(ZaloTexts.PickByNumber, message["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_cut_to_Zalos_limit()
    {
        var (message, _) = ZaloMessageBuilder.Text(new string('x', 5000), []);

        Assert.Equal(ZaloMessageBuilder.MaxTextLength, message["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public void The_phone_form_is_a_request_user_info_template()
    {
        var form = ZaloMessageBuilder.PhoneForm();

        Assert.Equal("request_user_info", form["attachment"]!["payload"]!["template_type"]!.GetValue<string>());
        Assert.Equal(ZaloTexts.FormTitle, form["attachment"]!["payload"]!["elements"]![0]!["title"]!.GetValue<string>());
    }
}
