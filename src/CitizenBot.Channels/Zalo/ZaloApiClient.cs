using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CitizenBot.Channels.Zalo;

/// <summary>How one call to Zalo ended: the HTTP status, Zalo's own error code (0 = fine) and the answer's data.</summary>
public sealed record ZaloApiResult(int HttpStatus, int Error, string? Message, JsonObject? Data)
{
    /// <summary>The request may have reached Zalo and no answer came.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The connection failed before the request left: safe to try again.</summary>
    public bool NeverSent { get; init; }

    public bool Ok => HttpStatus is >= 200 and < 300 && Error == 0 && !TimedOut && !NeverSent;

    /// <summary>Zalo's answer to an invalid or expired access token.</summary>
    public bool TokenExpired => Error is ZaloApiClient.InvalidToken or ZaloApiClient.ExpiredToken;

    public string Describe() => TimedOut ? "timeout" : NeverSent ? "connection failed" : $"{HttpStatus} error {Error.ToString(CultureInfo.InvariantCulture)} {Message}";
}

/// <summary>A new token pair as the OAuth server returned it.</summary>
public sealed record ZaloTokenPair(string AccessToken, string RefreshToken, TimeSpan ExpiresIn);

/// <summary>
/// A small typed client of the Zalo OA API v3 (consultation and promotion messages, uploads), ZNS and OAuth v4, over
/// HttpClient and System.Text.Json. Every call returns a result, never throws for Zalo's or the network's failures.
/// </summary>
public sealed class ZaloApiClient(HttpClient http, ZaloOptions options)
{
    /// <summary>Zalo's error for an invalid access token (chatwoot refreshes on it).</summary>
    public const int InvalidToken = -216;

    /// <summary>An expired access token (OAuth v4 tokens).</summary>
    public const int ExpiredToken = -124;

    public Task<ZaloApiResult> SendCsAsync(string accessToken, string userId, JsonObject message, CancellationToken ct) =>
        PostJsonAsync($"{options.ApiBaseUrl}/v3.0/oa/message/cs", accessToken, Envelope(userId, message), ct);

    public Task<ZaloApiResult> SendPromotionAsync(string accessToken, string userId, JsonObject message, CancellationToken ct) =>
        PostJsonAsync($"{options.ApiBaseUrl}/v3.0/oa/message/promotion", accessToken, Envelope(userId, message), ct);

    public Task<ZaloApiResult> SendZnsAsync(string accessToken, string phone, string templateId, JsonObject data, string trackingId, CancellationToken ct) =>
        PostJsonAsync($"{options.ZnsBaseUrl}/message/template", accessToken, new JsonObject
        {
            ["phone"] = phone,
            ["template_id"] = templateId,
            ["template_data"] = data.DeepClone(),
            ["tracking_id"] = trackingId,
        }, ct);

    /// <summary>Uploads an image (<c>upload/image</c>, answers attachment_id) or a document (<c>upload/file</c>, answers token).</summary>
    public async Task<ZaloApiResult> UploadAsync(string accessToken, bool image, string fileName, string contentType, byte[] content, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.ApiBaseUrl}/v2.0/oa/upload/{(image ? "image" : "file")}") { Content = form };
        request.Headers.Add("access_token", accessToken);
        return await SendAsync(request, ct);
    }

    /// <summary>Exchanges the refresh token (single use) for a new pair; null data and Zalo's error when it is refused.</summary>
    public async Task<(ZaloTokenPair? Pair, string? Error)> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.OAuthBaseUrl}/v4/oa/access_token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken,
                ["app_id"] = options.AppId ?? "",
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.Add("secret_key", options.AppSecretKey ?? "");
        var result = await SendAsync(request, ct);
        var data = result.Data;

        // OAuth errors may come with HTTP 200: only a body with both tokens is a success.
        if (result.HttpStatus is >= 200 and < 300 && data is not null
            && Text(data["access_token"]) is { Length: > 0 } access && Text(data["refresh_token"]) is { Length: > 0 } refresh)
        {
            var seconds = double.TryParse(Text(data["expires_in"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 3600;
            return (new ZaloTokenPair(access, refresh, TimeSpan.FromSeconds(seconds)), null);
        }

        var reason = data is null ? result.Describe() : Text(data["error_name"]) ?? Text(data["error_description"]) ?? Text(data["message"]) ?? result.Describe();
        return (null, reason);
    }

    private static JsonObject Envelope(string userId, JsonObject message) => new()
    {
        ["recipient"] = new JsonObject { ["user_id"] = userId },
        // A copy: the same message may be sent again (after a token refresh) and a node has one parent.
        ["message"] = message.DeepClone(),
    };

    private async Task<ZaloApiResult> PostJsonAsync(string url, string accessToken, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("access_token", accessToken);
        return await SendAsync(request, ct);
    }

    private async Task<ZaloApiResult> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonObject? json = null;
            try
            {
                json = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's error page): the status says enough.
            }

            var error = json is not null && int.TryParse(Text(json["error"]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e) ? e : 0;
            var data = json?["data"] as JsonObject ?? json;
            return new ZaloApiResult((int)response.StatusCode, error, json is null ? null : Text(json["message"]), data);
        }
        catch (Exception ex) when (ex is TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            return new ZaloApiResult(0, 0, "timeout", null) { TimedOut = true };
        }
        catch (HttpRequestException ex)
        {
            var neverSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                || ex.InnerException is System.Net.Sockets.SocketException;
            return neverSent
                ? new ZaloApiResult(0, 0, ex.Message, null) { NeverSent = true }
                : new ZaloApiResult(0, 0, ex.Message, null) { TimedOut = true };
        }
    }

    internal static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var s) ? s : value.ToJsonString().Trim('"')
        : null;
}
