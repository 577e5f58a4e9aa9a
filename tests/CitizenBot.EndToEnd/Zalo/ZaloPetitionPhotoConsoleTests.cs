using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Petitions;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Zalo;

/// <summary>A photo sent with a petition on Zalo is shown on the console's petition page, fetched from Zalo's address on demand.</summary>
public sealed class ZaloPetitionPhotoConsoleTests : ZaloScenario
{
    private const string Citizen = "zu-9001";

    [Fact]
    public async Task The_petition_page_shows_the_photo_the_citizen_sent_on_Zalo()
    {
        await Zalo.MenuAsync(Citizen);
        await Zalo.PetitionAsync(Citizen, Zalo.PhotoUrl("thua-dat-12.png"));
        var petition = Assert.Single(Bot.Get<PetitionBook>().Open());
        Assert.Equal(["zalo:" + Zalo.PhotoUrl("thua-dat-12.png")], petition.Photos);

        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer/petitions/" + petition.Code);
        var photo = page.Locator(".petition-photos img").First;
        await photo.WaitForAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.petition-photos img'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.Equal(2, await photo.EvaluateAsync<int>("i => i.naturalWidth"));
        await ConsoleBrowser.ScreenshotAsync(page, "zalo-petition-photo");

        var served = await page.APIRequest.GetAsync(Bot.BaseUrl + $"/officer/petitions/{petition.Code}?handler=Photo&n=0");
        Assert.Equal(200, served.Status);
        Assert.Equal("image/png", served.Headers["content-type"]);
        Assert.Equal(FakeZaloServer.Photo, await served.BodyAsync());

        // The console's home has its Zalo card (counts read by ZaloReport.Home), next to the petition waiting.
        await page.GotoAsync(Bot.BaseUrl + "/officer");
        var card = page.Locator("#home-zalo");
        await card.GetByText("tin đang chờ người dân nhắn lại").WaitForAsync();
        var home = Bot.Get<ZaloReport>().Home();
        await card.GetByText($"tin ZNS: {home.ZnsThisMonth}.").WaitForAsync();
        Assert.Equal(0, home.MonthlyQuota); // this bot sets none: the card says so in words, not "0/0"
        await card.GetByText("Tin chủ động: chưa được phép gửi").WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "zalo-console-home");
    }
}
