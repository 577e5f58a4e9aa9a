using CitizenBot.Core.Letters;
using CitizenBot.Core.Roles;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Console;

/// <summary>An admin edits a letter template in the console: a bad placeholder is refused next to the field, a good text saved.</summary>
public sealed class LettersConsoleTests() : ConsoleTestHost()
{
    [Fact]
    public async Task An_admin_is_refused_an_unknown_placeholder_then_saves_previews_and_restores_a_template()
    {
        var templates = Bot.Get<LetterTemplates>();
        var page = await Browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer/letters");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thư xin lỗi" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thư xin lỗi" }).WaitForAsync();
        await page.GetByText("lời hẹn mới (thư xin lỗi)").WaitForAsync();

        var bad = "Kính gửi {ten}, {xa} xin lỗi vì {hoso} trễ hẹn.";
        await page.GetByLabel("Nội dung mẫu thư").FillAsync(bad);
        await page.Locator("#letter-save").ClickAsync();
        await page.Locator(".field-error").GetByText("Mẫu có ô không biết: {hoso}").WaitForAsync();
        Assert.Equal(bad, await page.GetByLabel("Nội dung mẫu thư").InputValueAsync());
        Assert.False(templates.IsCustom(LetterKind.LateApology));

        var good = "Kính gửi {ten}, {xa} thành thật xin lỗi vì {viec} trễ hẹn ngày {ngay}; chúng tôi {hen_moi}.";
        await page.GetByLabel("Nội dung mẫu thư").FillAsync(good);
        await page.Locator("#letter-preview").ClickAsync();
        var preview = await page.Locator("#letter-preview-text").InnerTextAsync();
        Assert.StartsWith("Kính gửi ông/bà Nguyễn Văn An, UBND xã Thử Nghiệm thành thật xin lỗi vì hồ sơ HS-2611-0001 trễ hẹn ngày 24/11/2026", preview, StringComparison.Ordinal);
        Assert.False(templates.IsCustom(LetterKind.LateApology));

        await page.Locator("#letter-save").ClickAsync();
        await page.GetByText("Đã lưu mẫu Thư xin lỗi.").WaitForAsync();
        Assert.Equal(good, templates.Get(LetterKind.LateApology));
        var audit = Bot.Get<AuditLog>().Latest(5);
        Assert.Contains(audit, e => e.Action == "letter.template" && e.Subject == nameof(LetterKind.LateApology) && e.Actor.StartsWith("account:", StringComparison.Ordinal));

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator("#letter-reset").ClickAsync();
        await page.GetByText("Thư xin lỗi đã trở về mẫu gốc.").WaitForAsync();
        Assert.False(templates.IsCustom(LetterKind.LateApology));
        Assert.Equal(LetterTemplates.Defaults[LetterKind.LateApology], await page.GetByLabel("Nội dung mẫu thư").InputValueAsync());
    }
}
