using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Officers;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Officers;

public sealed class OfficerCommandAuthorizationTests : IDisposable
{
    private const string CitizenId = "555";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    public static TheoryData<string> EveryCommand() =>
    [
        "/canbo", "/lichhen", "/lichhen 10/12", "/xuatlich 10/12", "/xuatlich 10/12 xlsx", "/comat LH-AAAAAA", "/vang LH-AAAAAA",
        "/themlich 15/12/2026 Chủ tịch tiếp dân", "/danhgia", "/capquyen 555 canbo", "/thuhoiquyen 555",
        "/traloi Q-0000 trả lời", "/cauhoi", "/don", "/xemdon KN-AAAAAA", "/giaodon KN-AAAAAA 555", "/xulydon KN-AAAAAA",
        "/traloidon KN-AAAAAA xong", "/chuyendon KN-AAAAAA huyện", "/tuchoidon KN-AAAAAA lý do", "/dongdon KN-AAAAAA",
        "/thongbao", "/dangkython Thôn Một", "/baocaotb", "/baocao 10/2026", "/mauthu", "/mauthu khaisinh Chào {ten}, chúc mừng gia đình!", "/dangnhapweb",
    ];

    [Fact]
    public void Every_registered_command_is_checked_here()
    {
        var listed = EveryCommand().Cast<object[]>().Select(row => ((string)row[0]).Split(' ')[0].TrimStart('/')).ToHashSet();

        Assert.All(_bot.Get<IEnumerable<IOfficerCommand>>(), c => Assert.Contains(c.Name, listed));
    }

    [Fact]
    public async Task Each_command_is_refused_to_the_role_just_below_its_own()
    {
        const string UserId = "556";
        foreach (var command in _bot.Get<IEnumerable<IOfficerCommand>>().Where(c => c.Role > UserRole.Officer))
        {
            _bot.Get<UserRoles>().Grant("telegram:" + UserId, command.Role - 1, BotHarness.AdminKey);
            var replies = await _bot.CommandAsync($"/{command.Name} khaisinh Chào {{ten}}, chúc mừng gia đình!", UserId, inGroup: false);
            Assert.Equal(OfficerTexts.Refused, Assert.Single(replies).Text);
        }

        Assert.False(_bot.Get<Core.Letters.LetterTemplates>().IsCustom(Core.Letters.LetterKind.BirthCongratulation));
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task A_citizen_gets_a_polite_refusal_and_nothing_else_in_private(string command)
    {
        var replies = await _bot.CommandAsync(command, CitizenId, inGroup: false);

        var reply = Assert.Single(replies);
        Assert.Equal(OfficerTexts.Refused, reply.Text);
        Assert.Null(reply.File);
        Assert.Equal(UserRole.Citizen, _bot.Get<UserRoles>().Of("telegram", CitizenId));
        Assert.DoesNotContain(_bot.Get<ReceptionCalendar>().Upcoming(10), d => d.Title.Contains("Chủ tịch", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task A_citizen_in_the_officers_group_is_refused_too(string command)
    {
        var replies = await _bot.CommandAsync(command, CitizenId);

        Assert.StartsWith("Xin lỗi, lệnh này chỉ dành cho", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_chat_user_can_never_run_an_officer_command()
    {
        var replies = await _bot.SayAsync("/lichhen");

        replies.ShouldSay(OfficerTexts.Refused);
    }

    [Fact]
    public async Task A_pressed_officer_button_is_refused_to_a_citizen()
    {
        var replies = await _bot.PressAsOfficerAsync("op:comat:LH-AAAAAA", CitizenId);

        Assert.StartsWith("Xin lỗi", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_cannot_grant_roles_but_an_admin_can_and_it_is_audited()
    {
        await _bot.CommandAsync("/capquyen 700 canbo", BotHarness.AdminId);
        Assert.Equal(UserRole.Officer, _bot.Get<UserRoles>().Of("telegram", "700"));

        var refused = await _bot.CommandAsync("/capquyen 701 quantri", "700");
        refused.ShouldSay("chỉ dành cho người có quyền quản trị");
        Assert.Equal(UserRole.Citizen, _bot.Get<UserRoles>().Of("telegram", "701"));

        await _bot.CommandAsync("/thuhoiquyen 700", BotHarness.AdminId);
        Assert.Equal(UserRole.Citizen, _bot.Get<UserRoles>().Of("telegram", "700"));
        var audit = _bot.Get<AuditLog>().Latest(10);
        Assert.Contains(audit, e => e.Action == "role.grant" && e.Actor == BotHarness.AdminKey && e.Subject.StartsWith("telegram:700", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "role.revoke");
    }

    [Fact]
    public async Task Officer_help_lists_only_what_the_role_allows()
    {
        await _bot.CommandAsync("/capquyen 700 canbo", BotHarness.AdminId);

        var officer = await _bot.CommandAsync("/canbo", "700");
        var admin = await _bot.CommandAsync("/canbo", BotHarness.AdminId);

        officer.ShouldSay("/lichhen");
        officer.ShouldNotSay("/capquyen");
        admin.ShouldSay("/capquyen");
    }
}
