using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Officers;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Officers;

/// <summary>Commands that show names and phones answer in a private chat or the officers' group, never in a village group.</summary>
public sealed class PersonalDataCommandPlacementTests : IDisposable
{
    private const string OfficerId = "700";
    private static readonly ChatAddress VillageGroup = new("telegram", "-777");
    private readonly BotHarness _bot = new();

    public PersonalDataCommandPlacementTests() => _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    private Task<List<OutgoingMessage>> InVillageGroupAsync(string text) =>
        _bot.TurnAsync(new TurnInput { Text = text, UserId = OfficerId, InGroup = true }, VillageGroup);

    public static TheoryData<string> PersonalDataCommands() =>
        ["/lichhen 10/12/2026", "/xuatlich 10/12/2026", "/xuatlich 10/12/2026 xlsx", "/comat LH-AAAAAA", "/vang LH-AAAAAA", "/xemdon KN-AAAAAA", "/cauhoi"];

    [Fact]
    public void The_commands_that_list_names_phones_or_citizens_words_are_marked()
    {
        var marked = _bot.Get<IEnumerable<IOfficerCommand>>().Where(c => c.ShowsPersonalData).Select(c => c.Name).Order();

        Assert.Equal(["cauhoi", "comat", "lichhen", "vang", "xemdon", "xuatlich"], marked);
    }

    [Theory]
    [MemberData(nameof(PersonalDataCommands))]
    public async Task In_a_village_group_an_officer_gets_a_short_refusal_without_the_data(string command)
    {
        await _bot.BookAsync(new ChatAddress("web", "c1"));

        var reply = Assert.Single(await InVillageGroupAsync(command));

        Assert.Equal(OfficerTexts.PersonalDataOutsideOfficersChat, reply.Text);
        Assert.Null(reply.File);
        Assert.Empty(reply.Buttons);
    }

    [Fact]
    public async Task The_days_list_is_shown_in_the_officers_group_and_in_private()
    {
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(new ChatAddress("web", "c1")));

        (await _bot.CommandAsync("/lichhen 10/12/2026", OfficerId, inGroup: true)).ShouldSay(code);
        (await _bot.CommandAsync("/lichhen 10/12/2026", OfficerId, inGroup: false)).ShouldSay(code);
        (await InVillageGroupAsync("/lichhen 10/12/2026")).ShouldNotSay(code);
    }

    [Fact]
    public async Task A_command_without_personal_data_still_works_in_a_village_group()
    {
        var replies = await InVillageGroupAsync("/canbo");

        replies.ShouldSay(OfficerTexts.HelpTitle);
    }
}
