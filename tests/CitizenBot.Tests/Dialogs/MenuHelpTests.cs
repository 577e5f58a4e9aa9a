using CitizenBot.Dialogs.Menu;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dialogs;

/// <summary>The menu's help is written from the registered menu entries, so a feature's button cannot be missing from it.</summary>
public sealed class MenuHelpTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Help_at_the_menu_names_every_registered_menu_entry_with_its_description()
    {
        await _bot.SayAsync("/start");

        var help = string.Join("\n", (await _bot.SayAsync("trợ giúp")).Select(r => r.Text));

        var entries = _bot.Get<IEnumerable<MenuEntry>>().ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Help), $"The menu entry \"{e.Id}\" has no help line.");
            Assert.Contains($"\"{e.Label}\": {e.Help}", help, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("Gửi kiến nghị, phản ánh")]
    [InlineData("Nhận thông báo của thôn")]
    [InlineData("Dữ liệu của tôi")]
    public async Task Help_at_the_menu_names_the_buttons_the_hand_written_help_forgot(string label)
    {
        await _bot.SayAsync("/start");

        var help = string.Join("\n", (await _bot.SayAsync("trợ giúp")).Select(r => r.Text));

        Assert.Contains(label, help, StringComparison.Ordinal);
    }
}
