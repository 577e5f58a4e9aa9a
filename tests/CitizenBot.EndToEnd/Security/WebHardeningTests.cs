using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Roles;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host.Officer;
using Pages = CitizenBot.Host.Pages.Officer;

namespace CitizenBot.EndToEnd.Security;

/// <summary>Headers on every response, officer sessions, antiforgery, the wrong-login limit and the import limits, over real HTTP.</summary>
[Collection(nameof(Web.DashboardCollection))]
public sealed partial class WebHardeningTests : IAsyncLifetime
{
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private const string NewPassword = "hoa sen nở tháng năm";
    private readonly TempDataDir _dir = new();
    private RunningBot _bot = null!;
    private static int s_accounts;

    public async Task InitializeAsync() =>
        _bot = await RunningBot.StartAsync(_dir.Path, telegram: null, settings: new Dictionary<string, string?> { ["Officer:MaxImportMegabytes"] = "1" });

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    private HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(_bot.BaseUrl) };

    private HttpClient Script()
    {
        var http = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        http.DefaultRequestHeaders.Add(OfficerToken.HeaderName, _bot.OfficerToken);
        return http;
    }

    /// <summary>
    /// A personal admin account made through the accounts service, as an admin makes one on the users page, whose owner has
    /// already changed the first password (a first-password session opens only the change-password page, not the API).
    /// </summary>
    private (string Login, string Password) Account()
    {
        var login = $"quan{Interlocked.Increment(ref s_accounts)}";
        var accounts = _bot.Get<OfficerAccounts>();
        var created = accounts.Create(login, "Nguyễn Văn Quản", UserRole.Admin, "test:setup");
        Assert.True(created.Ok, created.Error);
        var changed = accounts.ChangePassword(login, created.FirstPassword, NewPassword, NewPassword);
        Assert.True(changed.Ok, changed.Error);
        return (login, NewPassword);
    }

    /// <summary>The antiforgery token of the first form on a page, as the browser would send it back.</summary>
    private static string FormToken(string html)
    {
        var token = FormTokenPattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    /// <summary>Sends a console form the way the browser does: its fields and the antiforgery token the page gave.</summary>
    private static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, string token, params (string Name, string Value)[] fields) =>
        browser.PostAsync(path, new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]));

    /// <summary>Types a name and a password on the console's login page (its form, its antiforgery token).</summary>
    private static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string login, string password)
    {
        var token = FormToken(await browser.GetStringAsync("/officer/login"));
        return await SubmitAsync(browser, "/officer/login?handler=Password", token, ("Login", login), ("Password", password));
    }

    /// <summary>Logs in on the console's login page with a personal account, and takes the antiforgery token from a console page, as a console page calling the API does.</summary>
    private async Task<(HttpClient Browser, CookieContainer Cookies, string Csrf)> LoggedInAsync()
    {
        var cookies = new CookieContainer();
        var browser = Browser(cookies);
        var (login, password) = Account();
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(browser, login, password)).StatusCode);
        return (browser, cookies, FormToken(await browser.GetStringAsync("/officer")));
    }

    private static HttpRequestMessage Post(string path, object body, string? csrf) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body), Headers = { { OfficerEndpoints.AntiforgeryHeader, csrf ?? "" } } };

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/officer/login")]
    [InlineData("GET", "/officer")]
    [InlineData("GET", "/officer/console.js")]
    [InlineData("POST", "/api/chat/start")]
    [InlineData("GET", "/api/chat/0123/messages")]
    [InlineData("GET", "/officer/api/questions")]
    [InlineData("POST", "/officer/login?handler=Password")]
    [InlineData("GET", "/hangfire")]
    [InlineData("GET", "/no-such-page")]
    public async Task Every_page_and_api_response_carries_nosniff_a_framing_rule_no_referrer_and_a_csp(string method, string path)
    {
        using var http = Browser();
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_cookie_is_a_session_id_not_the_password_httponly_strict_and_logout_ends_it()
    {
        using var browser = Browser();
        var (login, password) = Account();
        var response = await LogInAsync(browser, login, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OfficerToken.SessionCookieName + "=", StringComparison.Ordinal));
        var session = cookie[(OfficerToken.SessionCookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
        Assert.True(session.Length >= 32, $"session id {session.Length} characters long");
        Assert.DoesNotContain(password, Uri.UnescapeDataString(cookie), StringComparison.Ordinal);
        Assert.DoesNotContain(login, session, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.OfficerToken, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/officer/api/questions")).StatusCode);

        // "Đăng xuất" in the console's menu: a form with the page's antiforgery token.
        var token = FormToken(await browser.GetStringAsync("/officer"));
        var loggedOut = await SubmitAsync(browser, "/officer/logout", token);
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Equal("/officer/login?out=true", loggedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/officer/api/questions")).StatusCode);

        // The session ended on the server too: the old cookie, sent again by hand, opens nothing.
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/officer/api/questions") { Headers = { { "Cookie", $"{OfficerToken.SessionCookieName}={session}" } } };
        using var plain = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_bot.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.SendAsync(replay)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_post_without_the_pages_antiforgery_token_is_refused_and_a_script_with_the_token_header_needs_none()
    {
        var (browser, _, csrf) = await LoggedInAsync();
        using (browser)
        {
            var forged = await browser.PostAsJsonAsync("/officer/api/reception/sessions", new { date = "2026-12-15", title = "Chủ tịch UBND xã tiếp công dân" });
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("tải lại trang", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var fromPage = await browser.SendAsync(Post("/officer/api/reception/sessions", new { date = "2026-12-15", title = "Chủ tịch UBND xã tiếp công dân" }, csrf));
            Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
        }

        using var script = Script();
        Assert.Equal(HttpStatusCode.OK, (await script.PostAsJsonAsync("/officer/api/reception/sessions", new { date = "2026-12-16", title = "Phó Chủ tịch tiếp công dân" })).StatusCode);
    }

    [Fact]
    public async Task The_dashboards_actions_need_the_antiforgery_token_too()
    {
        var (browser, _, _) = await LoggedInAsync();
        using (browser)
        {
            var forged = await browser.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "litedb-checkpoint")]));
            Assert.True(forged.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"answered {(int)forged.StatusCode}");

            var page = await browser.GetStringAsync("/hangfire/recurring");
            var token = DashboardCsrf().Match(page).Groups[1].Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
            {
                Content = new FormUrlEncodedContent([new("jobs[]", "litedb-checkpoint")]),
                Headers = { { OfficerEndpoints.AntiforgeryHeader, token } },
            };
            Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Repeated_wrong_logins_from_one_address_meet_the_limit_even_with_the_right_password_after()
    {
        using var browser = Browser();
        var (login, password) = Account();
        var token = FormToken(await browser.GetStringAsync("/officer/login"));
        for (var i = 0; i < 5; i++)
        {
            var wrong = await SubmitAsync(browser, "/officer/login?handler=Code", token, ("Code", $"AAAA-AAA{i}"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Mã không đúng", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(OfficerToken.SessionCookieName + "=", StringComparison.Ordinal)));
        }

        var blocked = await SubmitAsync(browser, "/officer/login?handler=Password", token, ("Login", login), ("Password", password));
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains(Pages.LoginModel.TooManyText, WebUtility.HtmlDecode(await blocked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/officer/api/questions")).StatusCode);

        _bot.Clock.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(browser, "/officer/login?handler=Password", token, ("Login", login), ("Password", password))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/officer/api/questions")).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_tokens_in_the_header_meet_a_429()
    {
        using var wrong = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        wrong.DefaultRequestHeaders.Add(OfficerToken.HeaderName, "not-the-token");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/officer/api/questions")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await wrong.GetAsync("/officer/api/questions")).StatusCode);
    }

    [Fact]
    public async Task Once_an_address_is_blocked_for_wrong_tokens_the_right_token_waits_too_on_the_api_and_the_dashboard()
    {
        using var wrong = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        wrong.DefaultRequestHeaders.Add(OfficerToken.HeaderName, "not-the-token");

        // Wrong tokens on the dashboard count as wrong logins too.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/hangfire")).StatusCode);
        }

        using var script = Script();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await script.GetAsync("/officer/api/questions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_one_upload_limit_gets_a_vietnamese_message_not_a_bare_413()
    {
        using var script = Script();
        var content = new ByteArrayContent(new byte[(1024 * 1024) + 10]);

        var response = await script.PostAsync("/officer/api/dossiers/import?name=lon.csv", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp quá lớn (tối đa 1 MB)", (await response.Content.ReadFromJsonAsync<ErrorBody>())!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_upload_over_the_limit_gets_the_message_too()
    {
        using var script = Script();
        var content = new StreamContent(new MemoryStream(new byte[(1024 * 1024) + 10]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/officer/api/dossiers/import?name=lon.csv") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await script.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp quá lớn", (await response.Content.ReadFromJsonAsync<ErrorBody>())!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_in_vietnamese_and_an_import_is_listed()
    {
        using var script = Script();
        byte[] bad = [.. Encoding.UTF8.GetBytes(Header + "\nHS-2411-0001,Ch"), 0xFF, .. ",x,y,0912345678,direct,2026-11-01,2026-11-10,received,"u8];

        var refused = await script.PostAsync("/officer/api/dossiers/import?name=hoso.csv", new ByteArrayContent(bad));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(DossierImporter.InvalidUtf8(2), (await refused.Content.ReadFromJsonAsync<ErrorBody>())!.Error);
        var imports = await script.GetStringAsync("/officer/api/dossiers/imports");
        Assert.Contains("\"interrupted\":[]", imports, StringComparison.Ordinal);
        Assert.Contains("hoso.csv", imports, StringComparison.Ordinal);
    }

    private sealed record ErrorBody(string Error);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex DashboardCsrf();
}
