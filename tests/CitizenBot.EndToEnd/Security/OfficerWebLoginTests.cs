using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CitizenBot.Core.Escalation;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Security;

/// <summary>An officer logs in on the console's login page as themselves, with a one-time code from the bot.</summary>
public sealed partial class OfficerWebLoginTests : TelegramScenario
{
    private const long Officer = 9401;

    private async Task<string> CodeAsync()
    {
        var before = Telegram.SentTo(Officer).Count(m => m.Text.Contains("Mã đăng nhập", StringComparison.Ordinal));
        Telegram.SendText(Officer, "/dangnhapweb", "private", Officer);
        var message = await Telegram.WaitForAsync(Officer, "Mã đăng nhập", skip: before);
        return Code().Match(message.Text).Value;
    }

    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(Bot.BaseUrl) };

    /// <summary>The antiforgery token of the first form on a page, as the browser would send it back.</summary>
    private static string FormToken(string html)
    {
        var token = FormTokenPattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    /// <summary>Types the code in the console login page's "mã một lần" form, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> LogInWithCodeAsync(HttpClient browser, string code)
    {
        var token = FormToken(await browser.GetStringAsync("/officer/login"));
        return await browser.PostAsync("/officer/login?handler=Code", new FormUrlEncodedContent(
            [new("Code", code), new("returnUrl", "/officer/questions"), new("__RequestVerificationToken", token)]));
    }

    /// <summary>Refused: the login page again with the code form's message, and no session cookie.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mã không đúng, đã dùng hoặc đã hết hạn", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(CitizenBot.Host.Officer.OfficerToken.SessionCookieName + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_officer_logs_in_with_a_one_time_code_acts_under_their_own_name_and_is_out_once_revoked()
    {
        Telegram.SendText(RunningBot.OfficersChat, $"/capquyen {Officer} canbo", "supergroup", RunningBot.AdminId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã cấp quyền");
        Telegram.SendText(RunningBot.OfficersChat, "/dangnhapweb", "supergroup", Officer);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "trong trò chuyện riêng");
        var code = await CodeAsync();

        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/officer/api/questions")).StatusCode);
        var loggedIn = await LogInWithCodeAsync(browser, code);
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal("/officer/questions", loggedIn.Headers.Location!.OriginalString);
        // The console's pages open (no way back to the login page), and give the antiforgery token for API calls made with the cookie.
        var questionsPage = await browser.GetAsync("/officer/questions");
        Assert.Equal(HttpStatusCode.OK, questionsPage.StatusCode);
        var csrf = FormToken(await questionsPage.Content.ReadAsStringAsync());

        // The session answers a citizen's question under the officer's own name.
        Telegram.SendText(7901, "Xin hỏi khi nào xã chi trả trợ cấp người cao tuổi tháng này?");
        await Telegram.WaitForAsync(7901, "câu hỏi cho cán bộ");
        Telegram.Press(7901, "Gửi câu hỏi cho cán bộ");
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "trợ cấp người cao tuổi");
        var open = await browser.GetFromJsonAsync<List<QuestionView>>("/officer/api/questions");
        using var answer = new HttpRequestMessage(HttpMethod.Post, $"/officer/api/questions/{Assert.Single(open!).Tag}/answer")
        {
            Content = JsonContent.Create(new { text = "Ngày 5 hằng tháng." }),
            Headers = { { CitizenBot.Host.Officer.OfficerEndpoints.AntiforgeryHeader, csrf } },
        };
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(answer)).StatusCode);
        Assert.Equal($"telegram:{Officer}", Bot.Get<QuestionBook>().Get(open![0].Tag)!.AnsweredBy);

        // A code works once; a stranger's guess never.
        using var other = Browser(new CookieContainer());
        await AssertRefusedAsync(await LogInWithCodeAsync(other, code));
        await AssertRefusedAsync(await LogInWithCodeAsync(other, "AAAA-AAAA"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/officer/api/questions")).StatusCode);

        // Revoked: the session is refused at once.
        Telegram.SendText(RunningBot.OfficersChat, $"/thuhoiquyen {Officer}", "supergroup", RunningBot.AdminId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "thu hồi");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/officer/api/questions")).StatusCode);
    }

    [Fact]
    public async Task A_code_is_refused_after_ten_minutes()
    {
        Telegram.SendText(RunningBot.OfficersChat, $"/capquyen {Officer} canbo", "supergroup", RunningBot.AdminId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã cấp quyền");
        var code = await CodeAsync();
        Bot.Clock.Advance(TimeSpan.FromMinutes(11));

        using var browser = Browser(new CookieContainer());
        await AssertRefusedAsync(await LogInWithCodeAsync(browser, code));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/officer/api/questions")).StatusCode);
    }

    private sealed record QuestionView(string Tag, string Text);

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex Code();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();
}
