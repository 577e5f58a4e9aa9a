using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Channels.Web;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Web;

/// <summary>
/// What the web chat's answers tell the browser besides the messages: where the held history starts (so the page drops
/// what was erased at once) and that none of it may be kept in the browser's cache.
/// </summary>
public sealed class WebChatHistoryTests : IAsyncLifetime
{
    private readonly TempDataDir _dir = new();
    private RunningBot _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bot = await RunningBot.StartAsync(_dir.Path, telegram: null);
        _http = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Every_answer_says_where_the_held_history_starts_and_forbids_the_browsers_cache()
    {
        var start = await _http.PostAsync("/api/chat/start", null);
        Assert.True(start.Headers.CacheControl?.NoStore);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;

        var turn = await _http.PostAsJsonAsync($"/api/chat/{id}/send", new { text = "/start", after = 0 });
        var first = (await turn.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt64();
        Assert.True(turn.Headers.CacheControl?.NoStore);
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), HistoryFrom(turn));

        var read = await _http.GetAsync($"/api/chat/{id}/messages?after={first}");
        Assert.True(read.Headers.CacheControl?.NoStore);
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), HistoryFrom(read));
    }

    [Fact]
    public async Task After_an_erasure_the_held_history_starts_later_or_not_at_all()
    {
        var id = (await (await _http.PostAsync("/api/chat/start", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
        await _http.PostAsJsonAsync($"/api/chat/{id}/send", new { text = "/start", after = 0 });

        _bot.Get<PrivacyOffice>().Erase(new ChatAddress(WebChannelSender.ChannelName, id), withdrawConsent: false);

        var read = await _http.GetAsync($"/api/chat/{id}/messages?after=0");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("0", HistoryFrom(read));
        Assert.Equal(0, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    [Fact]
    public async Task An_id_the_server_did_not_issue_gets_not_found_and_no_history()
    {
        var read = await _http.GetAsync($"/api/chat/{new string('a', 48)}/messages?after=0");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.False(read.Headers.Contains(WebChatEndpoints.HistoryFromHeader));
    }

    private static string? HistoryFrom(HttpResponseMessage response) =>
        response.Headers.TryGetValues(WebChatEndpoints.HistoryFromHeader, out var values) ? values.Single() : null;
}
