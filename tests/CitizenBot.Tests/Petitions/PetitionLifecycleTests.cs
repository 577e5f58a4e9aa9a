using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Roles;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Petitions;

public sealed class PetitionLifecycleTests : IDisposable
{
    private const string OfficerId = "700";
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _citizen = new("web", "p0000000000000000000000000000002");

    public PetitionLifecycleTests() => _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    private List<OutboxMessage> ToCitizen() => _bot.Get<Outbox>().For(_citizen.Key, 0, 1000);

    [Fact]
    public async Task Each_step_is_recorded_with_who_and_when_and_told_to_the_citizen()
    {
        var code = await _bot.SubmitPetitionAsync(_citizen, "Kiến nghị");

        (await _bot.CommandAsync($"/giaodon {code} {OfficerId}", OfficerId)).ShouldSay("Đã giao cán bộ xử lý");
        _bot.Clock.Advance(TimeSpan.FromHours(2));
        await _bot.CommandAsync($"/xulydon {code}", OfficerId);
        _bot.Clock.Advance(TimeSpan.FromDays(1));
        await _bot.CommandAsync($"/traloidon {code} Xã đã bố trí kinh phí, sẽ sửa xong trong tháng 12.", OfficerId);
        await _bot.CommandAsync($"/dongdon {code}", OfficerId);

        var petition = _bot.Get<PetitionBook>().Get(code)!;
        Assert.Equal(PetitionStatus.Closed, petition.Status);
        Assert.Equal([PetitionStatus.Received, PetitionStatus.Assigned, PetitionStatus.InProgress, PetitionStatus.Answered, PetitionStatus.Closed],
            petition.History.Select(e => e.Status));
        Assert.All(petition.History.Skip(1), e => Assert.Equal("telegram:" + OfficerId, e.By));
        Assert.Equal(BotHarness.Start.AddHours(2), petition.History[2].At);
        Assert.Equal("telegram:" + OfficerId, petition.AssignedTo);
        var told = ToCitizen().Select(m => m.Text).ToList();
        Assert.Contains(told, t => t.Contains($"Đơn {code}: Đã giao cán bộ xử lý", StringComparison.Ordinal));
        Assert.Contains(told, t => t.Contains("Đang xem xét, giải quyết", StringComparison.Ordinal));
        var answer = told.Single(t => t.Contains("Kết quả giải quyết đơn", StringComparison.Ordinal));
        Assert.Contains("sẽ sửa xong trong tháng 12", answer, StringComparison.Ordinal);
        Assert.Contains("trân trọng cảm ơn", answer, StringComparison.Ordinal);
        Assert.Contains("Cán bộ Bộ phận Một cửa UBND xã", answer, StringComparison.Ordinal);
        Assert.Contains(_bot.Get<AuditLog>().Latest(20), e => e.Action == "petition.answered" && e.Subject == code);
    }

    [Fact]
    public async Task An_answered_petition_brings_a_rating_invitation()
    {
        var code = await _bot.SubmitPetitionAsync(_citizen, "Kiến nghị");
        await _bot.CommandAsync($"/traloidon {code} Đã xử lý xong.", OfficerId);

        Assert.Equal(1, _bot.Get<RatingInvitationSweep>().Run());

        Assert.Contains(ToCitizen(), m => m.Text.Contains($"việc giải quyết đơn {code}", StringComparison.Ordinal) && m.Buttons.Count == 4);
    }

    [Fact]
    public async Task A_rejection_gives_the_reason_and_a_transfer_says_where()
    {
        var rejected = await _bot.SubmitPetitionAsync(_citizen, "Kiến nghị");
        var transferred = await _bot.SubmitPetitionAsync(_citizen, "Khiếu nại");

        await _bot.CommandAsync($"/tuchoidon {rejected} Nội dung đã được giải quyết tại đơn KN-AAAAAA", OfficerId);
        await _bot.CommandAsync($"/chuyendon {transferred} UBND huyện Hoằng Hóa", OfficerId);

        Assert.Contains(ToCitizen(), m => m.Text.Contains("Lý do: Nội dung đã được giải quyết", StringComparison.Ordinal));
        Assert.Contains(ToCitizen(), m => m.Text.Contains("chuyển đến UBND huyện Hoằng Hóa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Steps_out_of_order_and_bad_commands_are_explained()
    {
        var code = await _bot.SubmitPetitionAsync(_citizen, "Kiến nghị");

        (await _bot.CommandAsync($"/dongdon {code}", OfficerId)).ShouldSay("không thể chuyển sang");
        (await _bot.CommandAsync("/traloidon", OfficerId)).ShouldSay("Cách dùng");
        (await _bot.CommandAsync($"/tuchoidon {code}", OfficerId)).ShouldSay("Cách dùng");
        (await _bot.CommandAsync($"/giaodon {code} anh Nam", OfficerId)).ShouldSay("Cách dùng");
        (await _bot.CommandAsync("/xulydon KN-ZZZZZZ", OfficerId)).ShouldSay("Không tìm thấy đơn");
        Assert.Equal(PetitionStatus.Received, _bot.Get<PetitionBook>().Get(code)!.Status);
    }

    [Fact]
    public async Task A_late_petition_gets_one_apology_with_a_new_date_and_the_officer_a_reminder()
    {
        var code = await _bot.SubmitPetitionAsync(_citizen, "Kiến nghị");
        await _bot.CommandAsync($"/giaodon {code} {OfficerId}", OfficerId);
        var sweep = _bot.Get<PetitionDeadlineSweep>();
        int Run(PetitionDeadlineSweep deadlines)
        {
            var late = deadlines.Run();
            _bot.Get<LetterSweep>().Run();
            return late;
        }

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero)); // the due day itself
        Assert.Equal(0, Run(sweep));
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, Run(sweep));
        Assert.Equal(0, Run(sweep));
        _bot.Restart();
        Assert.Equal(0, Run(_bot.Get<PetitionDeadlineSweep>()));

        var apology = Assert.Single(ToCitizen(), m => m.Text.Contains("THƯ XIN LỖI", StringComparison.Ordinal));
        Assert.Contains("trước ngày Thứ Tư, 16/12/2026", apology.Text, StringComparison.Ordinal);
        Assert.Contains("đúng hạn ngày 08/12/2026", apology.Text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi ông/bà Trần Văn Bình,", apology.Text, StringComparison.Ordinal);
        var reminder = Assert.Single(_bot.Get<Outbox>().For("telegram:" + OfficerId, 0, 100));
        Assert.Contains($"Đơn {code}", reminder.Text, StringComparison.Ordinal);

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, Run(_bot.Get<PetitionDeadlineSweep>()));
        Assert.Equal(2, ToCitizen().Count(m => m.Text.Contains("THƯ XIN LỖI", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_answered_petition_is_never_late()
    {
        var code = await _bot.SubmitPetitionAsync(_citizen, "Kiến nghị");
        await _bot.CommandAsync($"/traloidon {code} Đã xử lý.", OfficerId);

        _bot.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 30, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, _bot.Get<PetitionDeadlineSweep>().Run());
    }
}
