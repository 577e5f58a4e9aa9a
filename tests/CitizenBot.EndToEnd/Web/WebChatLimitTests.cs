using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Channels.Web;
using CitizenBot.EndToEnd.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitizenBot.EndToEnd.Web;

/// <summary>The web chat's endpoints, limited per client address by ASP.NET Core's rate limiter, through the real host on 127.0.0.1.</summary>
public sealed class WebChatLimitTests : IAsyncDisposable
{
    private readonly TempDataDir _dir = new();
    private RunningBot? _bot;

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        _dir.Dispose();
    }

    private async Task<HttpClient> StartAsync(WebChatLimits? limits = null)
    {
        _bot = await RunningBot.StartAsync(_dir.Path, telegram: null, services: services =>
        {
            if (limits is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(limits));
            }
        });
        return new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
    }

    private static async Task<string> StartConversationAsync(HttpClient http)
    {
        var response = await http.PostAsync("/api/chat/start", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
    }

    private static async Task AssertRefusedPolitelyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Contains("Xin lỗi ông/bà", error, StringComparison.Ordinal);
        Assert.Contains("thử lại", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_id_the_server_did_not_issue_is_refused_so_the_start_limit_cannot_be_stepped_around()
    {
        using var http = await StartAsync();
        var issued = await StartConversationAsync(http);
        var invented = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var forged = invented + issued[32..];

        foreach (var id in new[] { invented, forged })
        {
            var send = await http.PostAsJsonAsync($"/api/chat/{id}/send", new { text = "/start", after = 0 });
            Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/chat/{id}/messages?after=0")).StatusCode);
        }

        var conversations = _bot!.Get<CitizenBot.Core.Storage.CitizenDatabase>()
            .Collection<CitizenBot.Core.Conversations.ConversationRecord>(CitizenBot.Core.Conversations.ConversationStore.CollectionName);
        Assert.Equal(0, conversations.Count());

        var answer = await http.PostAsJsonAsync($"/api/chat/{issued}/send", new { text = "/start", after = 0 });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task Starting_one_conversation_more_than_the_hourly_limit_from_one_address_is_refused_with_a_vietnamese_429()
    {
        using var http = await StartAsync();
        var limit = new WebChatLimits().ConversationsPerHour;
        for (var n = 0; n < limit; n++)
        {
            await StartConversationAsync(http);
        }

        await AssertRefusedPolitelyAsync(await http.PostAsync("/api/chat/start", null));
    }

    [Fact]
    public async Task Turns_beyond_the_per_minute_limit_from_one_address_are_refused_whatever_the_conversation()
    {
        using var http = await StartAsync(new WebChatLimits { TurnsPerMinute = 4 });
        for (var n = 0; n < 4; n++)
        {
            var id = await StartConversationAsync(http);
            var sent = await http.PostAsJsonAsync($"/api/chat/{id}/send", new { text = "/start", after = 0 });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var fresh = await StartConversationAsync(http);
        await AssertRefusedPolitelyAsync(await http.PostAsJsonAsync($"/api/chat/{fresh}/send", new { text = "/start", after = 0 }));
    }

    [Fact]
    public async Task History_reads_beyond_the_per_minute_limit_are_refused()
    {
        using var http = await StartAsync(new WebChatLimits { ReadsPerMinute = 3 });
        var id = await StartConversationAsync(http);
        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/chat/{id}/messages?after=0")).StatusCode);
        }

        await AssertRefusedPolitelyAsync(await http.GetAsync($"/api/chat/{id}/messages?after=0"));
        await AssertRefusedPolitelyAsync(await http.GetAsync($"/api/chat/{id}/files/1"));
    }

    [SkippableFact]
    public async Task The_page_shows_the_refusal_in_its_own_words_and_keeps_the_conversation()
    {
        Skip.IfNot(File.Exists("/usr/bin/chromium"), "No Chromium at /usr/bin/chromium on this machine.");
        // The page's greeting takes the one turn allowed this minute; the citizen's next message is refused.
        using var http = await StartAsync(new WebChatLimits { TurnsPerMinute = 1 });
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new Microsoft.Playwright.BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_bot!.BaseUrl);
        await page.GetByText("Kính chào ông/bà").WaitForAsync();

        await page.GetByLabel("Tin nhắn").FillAsync("hs-demo-0001");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Gửi", Exact = true }).ClickAsync();

        await page.GetByText("quá nhiều yêu cầu trong thời gian ngắn").WaitForAsync();
        Assert.Equal(0, await page.GetByText("không kết nối được tới máy chủ").CountAsync());
    }
}
