using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CitizenBot.Core.Escalation;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Security;

/// <summary>An officer logs in on the officer page as themselves, with a one-time code from the bot.</summary>
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

    private HttpClient Browser(CookieContainer cookies) => new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(Bot.BaseUrl) };

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
        var csrf = Csrf().Match(await browser.GetStringAsync("/officer/classic")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/officer/api/login", new { token = code })).StatusCode);

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
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostAsJsonAsync("/officer/api/login", new { token = code })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostAsJsonAsync("/officer/api/login", new { token = "AAAA-AAAA" })).StatusCode);

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
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/officer/api/login", new { token = code })).StatusCode);
    }

    private sealed record QuestionView(string Tag, string Text);

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex Code();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
