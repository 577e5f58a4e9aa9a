using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CitizenBot.Channels.Zalo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CitizenBot.EndToEnd.Support;

/// <summary>A message the bot sent through the fake Zalo server: consultation ("cs"), proactive ("promotion") or ZNS ("zns").</summary>
public sealed record ZaloSent(string UserId, string Kind, string Text, IReadOnlyList<(string Title, string Payload)> Buttons, JsonObject Body)
{
    public bool IsPhoneForm => Body["message"]?["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "request_user_info";

    public string? FileToken => Body["message"]?["attachment"]?["payload"]?["token"]?.GetValue<string>();

    public string? ImageAttachmentId => Body["message"]?["attachment"]?["payload"]?["elements"]?[0]?["attachment_id"]?.GetValue<string>();

    public string? Phone => Body["phone"]?.GetValue<string>();

    public string? TemplateId => Body["template_id"]?.GetValue<string>();
}

/// <summary>
/// A fake Zalo on 127.0.0.1: the OA API (consultation, promotion, uploads), ZNS and OAuth endpoints recording every call,
/// and a webhook caller that signs events as Zalo does. Faults: 5xx answers, an expired access token, quota exceeded,
/// a retried event. Refresh tokens work once, as Zalo's do.
/// </summary>
public sealed class FakeZaloServer : IAsyncDisposable
{
    public const string AppId = "1234567890";
    public const string AppSecretKey = "app-secret-test";
    public const string OaSecretKey = "oa-secret-test";
    public const string FirstAccessToken = "access-0";
    public const string FirstRefreshToken = "refresh-0";

    private readonly WebApplication _app;
    private readonly HttpClient _webhook = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentQueue<ZaloSent> _sent = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _failures = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, (string Name, byte[] Content)> _uploads = new();
    private readonly Lock _tokens = new();
    private readonly HashSet<string> _validAccess = [FirstAccessToken];
    private readonly HashSet<string> _validRefresh = [FirstRefreshToken];
    private int _tokenSerial;
    private int _nextId;
    private bool _quotaExceeded;

    private FakeZaloServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The image served at /photos/{name} (a citizen's photo on Zalo's servers): a 2×2 red PNG.</summary>
    public static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");

    /// <summary>The address of a photo this server serves.</summary>
    public string PhotoUrl(string name) => $"{BaseUrl}/photos/{name}";

    /// <summary>Where events are posted: the host's webhook URL (set once the host has started).</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>The clock the events are stamped with: the host's (a fake clock in-process, real time for a separate process).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Refresh calls answered, and refreshes tried with a token already used (each refused).</summary>
    public int Refreshes { get; private set; }

    public int ReusedRefreshTokens { get; private set; }

    public string LatestRefreshToken { get; private set; } = FirstRefreshToken;

    public IReadOnlyDictionary<string, (string Name, byte[] Content)> Uploads => _uploads;

    public static async Task<FakeZaloServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeZaloServer(app);
        app.MapPost("/v3.0/oa/message/{kind}", (string kind, HttpContext http) => server.MessageAsync(kind, http));
        app.MapPost("/v2.0/oa/upload/{kind}", (string kind, HttpContext http) => server.UploadAsync(kind, http));
        app.MapPost("/v4/oa/access_token", (Delegate)((HttpContext http) => server.RefreshAsync(http)));
        app.MapPost("/message/template", (Delegate)((HttpContext http) => server.MessageAsync("zns", http)));
        app.MapGet("/photos/{name}", (string name) => name == "too-big.png"
            ? Results.Bytes(new byte[11 * 1024 * 1024], "image/png")
            : Results.Bytes(Photo, "image/png"));
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    /// <summary>The settings that point the host at this server.</summary>
    public Dictionary<string, string?> Settings(int monthlyQuota = 0, bool templates = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = AppId,
            ["Zalo:AppSecretKey"] = AppSecretKey,
            ["Zalo:OaSecretKey"] = OaSecretKey,
            ["Zalo:AccessToken"] = FirstAccessToken,
            ["Zalo:RefreshToken"] = FirstRefreshToken,
            ["Zalo:ApiBaseUrl"] = BaseUrl,
            ["Zalo:OAuthBaseUrl"] = BaseUrl,
            ["Zalo:ZnsBaseUrl"] = BaseUrl,
            ["Zalo:MonthlyQuota"] = monthlyQuota.ToString(CultureInfo.InvariantCulture),
        };
        if (templates)
        {
            settings["Zalo:Templates:DossierStatus"] = "301001";
            settings["Zalo:Templates:BookingReminder"] = "301002";
        }

        return settings;
    }

    public int Calls(string endpoint) => _calls.GetValueOrDefault(endpoint);

    /// <summary>The next <paramref name="count"/> calls of an endpoint ("cs", "promotion", "zns", "upload", "token") answer this HTTP status.</summary>
    public void FailNext(string endpoint, int count, int status)
    {
        var queue = _failures.GetOrAdd(endpoint, _ => new());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(status);
        }
    }

    /// <summary>Every access token issued so far stops working (Zalo answers -216) until the bot refreshes.</summary>
    public void ExpireAccessTokens()
    {
        lock (_tokens)
        {
            _validAccess.Clear();
        }
    }

    /// <summary>Proactive and ZNS messages are refused for quota until <see cref="RestoreQuota"/>.</summary>
    public void ExceedQuota() => _quotaExceeded = true;

    public void RestoreQuota() => _quotaExceeded = false;

    public List<ZaloSent> SentTo(string userId) => [.. _sent.Where(m => m.UserId == userId)];

    public List<ZaloSent> Sent(string kind) => [.. _sent.Where(m => m.Kind == kind)];

    public string Transcript(string userId) => string.Join("\n---\n", SentTo(userId).Select(m =>
        $"[{m.Kind}] {m.Text}" + (m.Buttons.Count > 0 ? "\n  [" + string.Join("] [", m.Buttons.Select(b => b.Title)) + "]" : "") + (m.IsPhoneForm ? "\n  (phone form)" : "")));

    public async Task<ZaloSent> WaitForAsync(string userId, string text, int skip = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (SentTo(userId).Where(m => m.Text.Contains(text, StringComparison.Ordinal)).Skip(skip).FirstOrDefault() is { } match)
            {
                return match;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Zalo user {userId} never received \"{text}\". They received:\n{Transcript(userId)}");
    }

    // ---- The webhook caller: events signed as Zalo signs them. ----

    public Task<HttpStatusCode> SendTextAsync(string userId, string text) =>
        PostEventAsync(MessageEvent("user_send_text", userId, new JsonObject { ["text"] = text }));

    /// <summary>Presses the query button whose title contains <paramref name="titlePart"/> on the latest message offering it (its payload comes back as text); or types the number of a numbered choice.</summary>
    public Task<HttpStatusCode> PressAsync(string userId, string titlePart)
    {
        var withButton = SentTo(userId).LastOrDefault(m => m.Buttons.Any(b => b.Title.Contains(titlePart, StringComparison.Ordinal)));
        var numbered = SentTo(userId).LastOrDefault(m => NumberOf(m.Text, titlePart) is not null);
        if (withButton is null && numbered is null)
        {
            throw new InvalidOperationException($"No message to {userId} offers \"{titlePart}\".\n{Transcript(userId)}");
        }

        var useNumber = numbered is not null && (withButton is null || SentTo(userId).IndexOf(numbered) > SentTo(userId).IndexOf(withButton));
        return SendTextAsync(userId, useNumber ? NumberOf(numbered!.Text, titlePart)! : withButton!.Buttons.First(b => b.Title.Contains(titlePart, StringComparison.Ordinal)).Payload);
    }

    private static string? NumberOf(string text, string titlePart) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 3 && char.IsAsciiDigit(l[0]) && l.Contains(". ", StringComparison.Ordinal)
            && l.Contains(titlePart, StringComparison.Ordinal)) is { } line ? line[..line.IndexOf('.', StringComparison.Ordinal)] : null;

    public Task<HttpStatusCode> SendImageAsync(string userId, string url) =>
        PostEventAsync(MessageEvent("user_send_image", userId, new JsonObject
        {
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["thumbnail"] = url, ["url"] = url } }),
        }));

    public Task<HttpStatusCode> SendLocationAsync(string userId, double latitude, double longitude) =>
        PostEventAsync(MessageEvent("user_send_location", userId, new JsonObject
        {
            ["text"] = "Vị trí của tôi",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "location",
                ["payload"] = new JsonObject
                {
                    ["coordinates"] = new JsonObject
                    {
                        ["latitude"] = latitude.ToString(CultureInfo.InvariantCulture),
                        ["longitude"] = longitude.ToString(CultureInfo.InvariantCulture),
                    },
                },
            }),
        }));

    /// <summary>The citizen fills in Zalo's information form.</summary>
    public Task<HttpStatusCode> SubmitInfoAsync(string userId, string name, string phone) => PostEventAsync(new JsonObject
    {
        ["app_id"] = AppId,
        ["event_name"] = "user_submit_info",
        ["timestamp"] = Stamp(),
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = "oa-1" },
        ["info"] = new JsonObject { ["name"] = name, ["phone"] = phone, ["address"] = "", ["city"] = "", ["district"] = "", ["ward"] = "" },
    });

    public Task<HttpStatusCode> FollowAsync(string userId) => PostEventAsync(FollowEvent("follow", userId));

    public Task<HttpStatusCode> UnfollowAsync(string userId) => PostEventAsync(FollowEvent("unfollow", userId));

    public JsonObject MessageEvent(string name, string userId, JsonObject message)
    {
        message["msg_id"] = "m" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["app_id"] = AppId,
            ["event_name"] = name,
            ["timestamp"] = Stamp(),
            ["sender"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = "oa-1" },
            ["message"] = message,
        };
    }

    private JsonObject FollowEvent(string name, string userId) => new()
    {
        ["app_id"] = AppId,
        ["oa_id"] = "oa-1",
        ["event_name"] = name,
        ["timestamp"] = Stamp(),
        ["source"] = "oa_profile",
        ["follower"] = new JsonObject { ["id"] = userId },
    };

    private string Stamp() => Clock().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts an event signed with the right keys (or with <paramref name="signature"/> when given).</summary>
    public async Task<HttpStatusCode> PostEventAsync(JsonObject e, string? signature = null)
    {
        var body = e.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(ZaloSignature.HeaderName,
            signature ?? ZaloSignature.Compute(AppId, body, e["timestamp"]!.GetValue<string>(), OaSecretKey));
        using var response = await _webhook.SendAsync(request);
        return response.StatusCode;
    }

    // ---- The API side. ----

    private bool Fails(string endpoint, out IResult failure)
    {
        _calls.AddOrUpdate(endpoint, 1, (_, n) => n + 1);
        if (_failures.TryGetValue(endpoint, out var queue) && queue.TryDequeue(out var status))
        {
            failure = Results.Json(new { error = -1, message = "fake failure" }, statusCode: status);
            return true;
        }

        failure = Results.Empty;
        return false;
    }

    private bool Authorized(HttpContext http)
    {
        lock (_tokens)
        {
            return _validAccess.Contains(http.Request.Headers["access_token"].ToString());
        }
    }

    private static IResult ZaloError(int code, string message) => Results.Json(new { error = code, message });

    private async Task<IResult> MessageAsync(string kind, HttpContext http)
    {
        if (Fails(kind, out var failure))
        {
            return failure;
        }

        if (!Authorized(http))
        {
            return ZaloError(-216, "Access token is invalid");
        }

        if (_quotaExceeded && kind is "promotion" or "zns")
        {
            return ZaloError(-240, "Out of quota for this message type");
        }

        var body = (JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync()) as JsonObject)!;
        var user = body["recipient"]?["user_id"]?.GetValue<string>() ?? body["phone"]?.GetValue<string>() ?? "";
        var message = body["message"] as JsonObject;
        var text = message?["text"]?.GetValue<string>()
            ?? message?["attachment"]?["payload"]?["elements"]?.AsArray().Select(e => e?["content"]?.GetValue<string>()).LastOrDefault(c => c is not null)
            ?? (body["template_data"] is JsonObject data ? string.Join(" | ", data.Select(p => $"{p.Key}={p.Value}")) : "");
        var buttons = message?["attachment"]?["payload"]?["buttons"] is JsonArray list
            ? list.Select(b => (b!["title"]!.GetValue<string>(), b["payload"]!.GetValue<string>())).ToList()
            : [];
        _sent.Enqueue(new ZaloSent(user, kind, text, buttons, body));
        var id = "zm" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        return kind == "zns"
            ? Results.Json(new { error = 0, message = "Success", data = new { msg_id = id, sent_time = "1700000000000", quota = new { dailyQuota = "500", remainingQuota = "499" } } })
            : Results.Json(new { error = 0, message = "Success", data = new { message_id = id, user_id = user } });
    }

    private async Task<IResult> UploadAsync(string kind, HttpContext http)
    {
        if (Fails("upload", out var failure))
        {
            return failure;
        }

        if (!Authorized(http))
        {
            return ZaloError(-216, "Access token is invalid");
        }

        var form = await http.Request.ReadFormAsync();
        var file = form.Files["file"];
        if (file is null)
        {
            return ZaloError(-201, "file is missing");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var id = (kind == "image" ? "img" : "file") + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        _uploads[id] = (file.FileName, content.ToArray());
        return kind == "image"
            ? Results.Json(new { error = 0, message = "Success", data = new { attachment_id = id } })
            : Results.Json(new { error = 0, message = "Success", data = new { token = id } });
    }

    private async Task<IResult> RefreshAsync(HttpContext http)
    {
        if (Fails("token", out var failure))
        {
            return failure;
        }

        var form = await http.Request.ReadFormAsync();
        if (form["app_id"] != AppId || http.Request.Headers["secret_key"] != AppSecretKey || form["grant_type"] != "refresh_token")
        {
            return Results.Json(new { error = -14002, error_name = "Invalid app", error_reason = "app_id or secret_key", error_description = "bad app" });
        }

        lock (_tokens)
        {
            var refresh = form["refresh_token"].ToString();
            if (!_validRefresh.Remove(refresh))
            {
                // Like Zalo: a refresh token works once (answered with HTTP 200 and an error body).
                ReusedRefreshTokens++;
                return Results.Json(new { error = -14014, error_name = "Invalid refresh token", error_reason = "used or expired", error_description = "refresh token invalid" });
            }

            Refreshes++;
            var serial = Interlocked.Increment(ref _tokenSerial).ToString(CultureInfo.InvariantCulture);
            _validAccess.Add("access-" + serial);
            _validRefresh.Add("refresh-" + serial);
            LatestRefreshToken = "refresh-" + serial;
            return Results.Json(new { access_token = "access-" + serial, refresh_token = "refresh-" + serial, expires_in = "90000" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _webhook.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
