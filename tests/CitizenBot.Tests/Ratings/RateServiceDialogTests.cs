using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Ratings;

public sealed class RateServiceDialogTests : IDisposable
{
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private List<OutboxMessage> ToOfficers() => _bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 1000);

    private void ImportDossier(string status, string resolved = "", string procedure = "Đăng ký khai sinh") =>
        _bot.Get<DossierImporter>().Import(new StringReader(
            $"{Header}\nHS-2411-0001,{procedure},Hộ tịch,An,0912345678,direct,2026-11-20,2026-11-27,{status},{resolved}"));

    [Fact]
    public void A_resolved_death_registration_brings_a_condolence_letter_but_no_rating_invitation()
    {
        ImportDossier("in_progress", procedure: "Đăng ký khai tử");
        _bot.Get<FollowBook>().TryFollow("HS-2411-0001", _bot.Address, "5678");
        ImportDossier("resolved", "2026-11-24", procedure: "Đăng ký khai tử");

        _bot.Get<CitizenBot.Core.Letters.LetterSweep>().Run();
        Assert.Equal(0, _bot.Get<RatingInvitationSweep>().Run());

        var sent = _bot.Get<Outbox>().All();
        Assert.Contains(sent, m => m.Text.Contains("THƯ CHIA BUỒN", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, m => m.Key.StartsWith("rating:invite:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rating_from_the_menu_asks_field_level_and_comment_then_thanks()
    {
        await _bot.SayAsync("menu");
        (await _bot.PressAsync("Đánh giá sự phục vụ")).ShouldOfferButton("Chứng thực");
        (await _bot.PressAsync("Chứng thực")).ShouldOfferButton("Rất hài lòng");
        await _bot.PressAsync("Rất hài lòng");

        var replies = await _bot.SayAsync("Cán bộ rất nhiệt tình");

        replies.ShouldSay("THƯ CẢM ƠN");
        var rating = Assert.Single(_bot.Get<RatingBook>().Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(ServiceField.Certification, rating.Field);
        Assert.Equal(RatingLevel.VerySatisfied, rating.Level);
        Assert.Equal("Cán bộ rất nhiệt tình", rating.Comment);
        Assert.Empty(ToOfficers());
    }

    [Fact]
    public async Task The_comment_can_be_skipped_with_a_button()
    {
        await _bot.SayAsync("đánh giá");
        await _bot.PressAsync("Đất đai");
        await _bot.PressAsync("Bình thường");

        (await _bot.PressAsync("Bỏ qua")).ShouldSay("THƯ CẢM ƠN");

        Assert.Null(Assert.Single(_bot.Get<RatingBook>().Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Comment);
    }

    [Fact]
    public async Task An_unsatisfied_rating_apologises_and_reaches_the_officers_chat_at_once_with_its_comment()
    {
        await _bot.SayAsync("đánh giá");
        await _bot.PressAsync("Hộ tịch");
        var ask = await _bot.PressAsync("Không hài lòng");
        ask.ShouldSay("điều gì chưa tốt");

        var replies = await _bot.SayAsync("Phải chờ quá lâu");

        replies.ShouldSay("xin lỗi ông/bà vì những điều chưa tốt");
        var alert = Assert.Single(ToOfficers());
        Assert.Contains("Không hài lòng", alert.Text, StringComparison.Ordinal);
        Assert.Contains("Hộ tịch", alert.Text, StringComparison.Ordinal);
        Assert.Contains("Phải chờ quá lâu", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Address.ChatId, alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_followed_dossier_that_is_resolved_brings_one_invitation_whose_buttons_work_once()
    {
        ImportDossier("in_progress");
        _bot.Get<FollowBook>().TryFollow("HS-2411-0001", _bot.Address, "5678");
        ImportDossier("resolved", "2026-11-24");

        Assert.Equal(1, _bot.Get<RatingInvitationSweep>().Run());
        Assert.Equal(0, _bot.Get<RatingInvitationSweep>().Run());
        _bot.Restart();
        Assert.Equal(0, _bot.Get<RatingInvitationSweep>().Run());

        var invitation = _bot.Get<Outbox>().All().Single(m => m.Key.StartsWith("rating:invite:", StringComparison.Ordinal));
        Assert.Contains("hồ sơ HS-2411-0001", invitation.Text, StringComparison.Ordinal);
        var satisfied = invitation.Buttons.Single(b => b.Label.EndsWith(" Hài lòng", StringComparison.Ordinal)).Payload;
        (await _bot.TurnAsync(TurnInput.FromPayload(satisfied))).ShouldSay("góp ý thêm");
        (await _bot.PressAsync("Bỏ qua")).ShouldSay("THƯ CẢM ƠN");
        var second = await _bot.TurnAsync(TurnInput.FromPayload(satisfied));

        second.ShouldSay("đã đánh giá hồ sơ HS-2411-0001");
        var rating = Assert.Single(_bot.Get<RatingBook>().Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal("dossier:HS-2411-0001", rating.SubjectKey);
        Assert.Equal(ServiceField.CivilStatus, rating.Field);
        Assert.Equal(RatingLevel.Satisfied, rating.Level);
    }

    [Fact]
    public async Task An_invitation_pressed_from_another_chat_is_not_honoured()
    {
        ImportDossier("in_progress");
        _bot.Get<FollowBook>().TryFollow("HS-2411-0001", _bot.Address, "5678");
        ImportDossier("resolved", "2026-11-24");
        _bot.Get<RatingInvitationSweep>().Run();
        var payload = _bot.Get<Outbox>().All().Single(m => m.Key.StartsWith("rating:invite:", StringComparison.Ordinal)).Buttons[0].Payload;

        var replies = await _bot.TurnAsync(TurnInput.FromPayload(payload), new ChatAddress("web", "someone-else"));

        replies.ShouldSay("không còn hiệu lực");
        Assert.Empty(_bot.Get<RatingBook>().Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task An_attended_booking_brings_an_invitation_for_the_reception_field()
    {
        var citizen = new ChatAddress("web", "c5");
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(citizen));
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));
        var bookings = _bot.Get<ReceptionBook>();
        bookings.Mark(bookings.Get(code)!.Id, attended: true, "telegram:700");

        Assert.Equal(1, _bot.Get<RatingInvitationSweep>().Run());

        var invitation = _bot.Get<Outbox>().For(citizen.Key, 0, 1000).Single(m => m.Key.StartsWith("rating:invite:", StringComparison.Ordinal));
        Assert.Contains(code, invitation.Text, StringComparison.Ordinal);
        await _bot.TurnAsync(TurnInput.FromPayload(invitation.Buttons[0].Payload), citizen);
        await _bot.PressAsync("Bỏ qua", citizen);
        var rating = Assert.Single(_bot.Get<RatingBook>().Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(ServiceField.Reception, rating.Field);
        Assert.Equal("booking:" + code, rating.SubjectKey);
    }

    [Fact]
    public async Task A_no_show_brings_no_invitation()
    {
        var citizen = new ChatAddress("web", "c6");
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(citizen));
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));
        var bookings = _bot.Get<ReceptionBook>();
        bookings.Mark(bookings.Get(code)!.Id, attended: false, "telegram:700");

        Assert.Equal(0, _bot.Get<RatingInvitationSweep>().Run());
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀")]
    [InlineData("ممتاز")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Bad_input_at_the_field_and_level_prompts_is_asked_again_politely(string input)
    {
        await _bot.SayAsync("đánh giá");
        (await _bot.SayAsync(input)).ShouldSay("chưa hiểu lựa chọn");
        await _bot.PressAsync("Đất đai");
        var level = await _bot.SayAsync(input);
        level.ShouldSay("chưa hiểu lựa chọn");
        level.ShouldOfferButton("Về menu chính");
    }

    [Fact]
    public async Task A_comment_longer_than_allowed_is_refused_with_the_limit()
    {
        await _bot.SayAsync("đánh giá");
        await _bot.PressAsync("Đất đai");
        await _bot.PressAsync("Hài lòng");

        (await _bot.SayAsync(new string('a', 1500))).ShouldSay("dài quá 1000 ký tự");
    }
}
