using CitizenBot.Core.Reception;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Console;

/// <summary>The reception page: the days, a day's bookings marked attended, leaders' sessions refused on a Sunday unless confirmed.</summary>
public sealed class ReceptionConsoleTests() : ConsoleTestHost()
{
    [Fact]
    public async Task A_leaders_session_on_a_Sunday_is_refused_next_to_the_date_and_accepted_with_the_confirmation()
    {
        // The clock: Tuesday 24/11/2026. 06/12/2026 is a Sunday.
        var page = await Browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer/reception");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tiếp công dân", Exact = true }).WaitForAsync();

        await page.GetByLabel("Ngày tiếp").FillAsync("06/12/2026");
        await page.GetByLabel("Tiêu đề").FillAsync("Chủ tịch UBND xã tiếp công dân");
        await page.Locator("#addSession").ClickAsync();

        var error = page.Locator("#add-session .field-error").First;
        await error.WaitForAsync();
        Assert.Contains("Ngày 06/12/2026 là ngày nghỉ (Chủ nhật)", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Chủ tịch UBND xã tiếp công dân", await page.GetByLabel("Tiêu đề").InputValueAsync());
        Assert.Empty(Bot.Get<ReceptionCalendar>().On(new DateOnly(2026, 12, 6)));

        await page.GetByLabel(ReceptionCalendar.OffDayConfirmation).CheckAsync();
        await page.Locator("#addSession").ClickAsync();

        await page.Locator("p.notice").GetByText("Đã thêm buổi tiếp").WaitForAsync();
        var session = Assert.Single(Bot.Get<ReceptionCalendar>().On(new DateOnly(2026, 12, 6)));
        Assert.True(session.OpenToCitizens);
        await page.Locator(".reception-days").GetByText("Chủ nhật, 06/12/2026").WaitForAsync();
    }

    [Fact]
    public async Task On_the_day_an_officer_marks_a_booking_attended_and_the_other_absent()
    {
        var book = Bot.Get<ReceptionBook>();
        var day = book.Calendar.Upcoming(1).Single();
        Assert.Equal(new DateOnly(2026, 12, 10), day.Date);
        var late = book.Book(new BookingRequest("web:c1", day.Key, "09:30", "land", "Tranh chấp ranh giới đất", "Nguyễn Văn An", "0912345678")).Booking!;
        var early = book.Book(new BookingRequest("web:c2", day.Key, "07:30", "papers", "", "Lê Thị Bình", "0987654321")).Booking!;
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));

        var page = await Browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer/reception?ngay=2026-12-10");

        var rows = page.Locator("#bookings tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal(early.Code, await rows.Nth(0).GetAttributeAsync("data-code"));
        Assert.Contains("Lê Thị Bình", await rows.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("0912345678", await rows.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Đất đai, xây dựng", await rows.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await ConsoleBrowser.ScreenshotAsync(page, "console-reception-desk");

        await rows.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Có mặt" }).ClickAsync();
        await page.Locator("p.notice").GetByText($"Đã ghi nhận {early.Code}: Có mặt").WaitForAsync();
        await page.Locator($"#bookings tr[data-code='{late.Code}']").GetByRole(AriaRole.Button, new() { Name = "Vắng mặt" }).ClickAsync();
        await page.Locator("p.notice").GetByText($"Đã ghi nhận {late.Code}: Vắng mặt").WaitForAsync();

        Assert.Equal(BookingStatus.Attended, book.Get(early.Code)!.Status);
        Assert.Equal(BookingStatus.NoShow, book.Get(late.Code)!.Status);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải Excel (XLSX)" }).ClickAsync());
        Assert.Equal("lich-tiep-cong-dan-2026-12-10.xlsx", download.SuggestedFilename);

        var phone = await Browser.OfficerAsync(Bot, ConsoleBrowser.Phone);
        await phone.GotoAsync(Bot.BaseUrl + "/officer/reception?ngay=2026-12-10");
        await phone.Locator("#bookings").WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(phone, "console-reception-phone");
    }
}
