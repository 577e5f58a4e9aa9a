using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CitizenBot.Core.Dossiers;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host.Officer;

namespace CitizenBot.EndToEnd.Security;

/// <summary>Headers on every response, officer sessions, antiforgery, the wrong-login limit and the import limits, over real HTTP.</summary>
[Collection(nameof(Web.DashboardCollection))]
public sealed partial class WebHardeningTests : IAsyncLifetime
{
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private readonly TempDataDir _dir = new();
    private RunningBot _bot = null!;

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

    /// <summary>Opens the officer page (antiforgery token) and logs in with the shared token, as the page does.</summary>
    private async Task<(HttpClient Browser, CookieContainer Cookies, string Csrf)> LoggedInAsync()
    {
        var cookies = new CookieContainer();
        var browser = Browser(cookies);
        var csrf = Csrf().Match(await browser.GetStringAsync("/officer/classic")).Groups[1].Value;
        Assert.NotEmpty(csrf);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/officer/api/login", new { token = _bot.OfficerToken })).StatusCode);
        return (browser, cookies, csrf);
    }

    private static HttpRequestMessage Post(string path, object body, string? csrf) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body), Headers = { { OfficerEndpoints.AntiforgeryHeader, csrf ?? "" } } };

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/officer/classic")]
    [InlineData("GET", "/officer/officer.js")]
    [InlineData("POST", "/api/chat/start")]
    [InlineData("GET", "/api/chat/0123/messages")]
    [InlineData("GET", "/officer/api/questions")]
    [InlineData("POST", "/officer/api/login")]
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
    public async Task The_login_cookie_is_a_session_id_not_the_token_httponly_strict_and_logout_ends_it()
    {
        using var browser = Browser();
        var response = await browser.PostAsJsonAsync("/officer/api/login", new { token = _bot.OfficerToken });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OfficerToken.SessionCookieName, StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.OfficerToken, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/officer/api/questions")).StatusCode);

        var csrf = Csrf().Match(await browser.GetStringAsync("/officer/classic")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(Post("/officer/api/logout", new { }, csrf))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/officer/api/questions")).StatusCode);
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
    public async Task Repeated_wrong_logins_from_one_address_meet_a_429_even_with_the_right_code_after()
    {
        using var browser = Browser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/officer/api/login", new { token = $"AAAA-AAA{i}" })).StatusCode);
        }

        var blocked = await browser.PostAsJsonAsync("/officer/api/login", new { token = _bot.OfficerToken });
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains(LoginThrottle.TooManyText, await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _bot.Clock.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/officer/api/login", new { token = _bot.OfficerToken })).StatusCode);
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

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex Csrf();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex DashboardCsrf();
}
