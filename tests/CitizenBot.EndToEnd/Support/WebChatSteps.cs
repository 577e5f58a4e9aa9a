using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Support;

/// <summary>A citizen's steps in the web chat page, as a person does them: press a button or type into the box and send, then wait for the reply.</summary>
public static class WebChatSteps
{
    /// <summary>Presses the newest button with exactly this label and waits for a reply containing <paramref name="expectedReply"/>.</summary>
    public static async Task PressAsync(IPage page, string button, string expectedReply)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).Last.ClickAsync();
        await page.GetByText(expectedReply).Last.WaitForAsync();
    }

    /// <summary>Types into the message box, presses "Gửi" and waits for <paramref name="expectedReply"/> (by default the citizen's own words on the page).</summary>
    public static async Task SayAsync(IPage page, string text, string? expectedReply = null)
    {
        await page.GetByLabel("Tin nhắn").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi", Exact = true }).ClickAsync();
        await page.GetByText(expectedReply ?? text).Last.WaitForAsync();
    }
}
