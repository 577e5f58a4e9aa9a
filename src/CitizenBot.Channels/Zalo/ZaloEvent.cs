using System.Globalization;
using System.Text.Json;

namespace CitizenBot.Channels.Zalo;

/// <summary>A file, image or other attachment a citizen sent: its kind and Zalo's URL of it.</summary>
public sealed record ZaloAttachment(string Kind, string Url, string? Name);

/// <summary>One webhook event, as much of it as the bot uses.</summary>
public sealed record ZaloEvent
{
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";
    public const string SubmitInfo = "user_submit_info";

    /// <summary>The events the bot acts on; the rest (seen, received, stickers…) are answered and dropped.</summary>
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal)
    {
        "user_send_text", "user_send_image", "user_send_file", "user_send_location", "user_send_link", "user_send_sticker",
        "user_send_audio", "user_send_video", "user_send_gif", Follow, Unfollow, SubmitInfo,
    };

    public required string AppId { get; init; }

    public required string Name { get; init; }

    /// <summary>The milliseconds timestamp exactly as written in the body (it is part of the signature).</summary>
    public required string Timestamp { get; init; }

    /// <summary>The Zalo user (sender, follower) the event is about.</summary>
    public string? UserId { get; init; }

    public string? MessageId { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<ZaloAttachment> Attachments { get; init; } = [];

    public (double Latitude, double Longitude)? Location { get; init; }

    /// <summary>The phone from the information form (user_submit_info).</summary>
    public string? Phone { get; init; }

    public DateTimeOffset At => long.TryParse(Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : DateTimeOffset.MinValue;

    /// <summary>What makes a retried delivery the same event: the message id, else the event, user and time.</summary>
    public string Key => MessageId is { Length: > 0 } id ? "msg:" + id : $"{Name}:{UserId}:{Timestamp}";

    /// <summary>Reads a webhook body; null when it is not an event at all (no app id, event name or timestamp).</summary>
    public static ZaloEvent? Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Str(root, "app_id") is not { Length: > 0 } appId
                || Str(root, "event_name") is not { Length: > 0 } name
                || Str(root, "timestamp") is not { Length: > 0 } timestamp)
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
            var attachments = new List<ZaloAttachment>();
            (double, double)? location = null;
            if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    var payload = item.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                    var type = Str(item, "type") ?? "";
                    if (type == "location" && payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("coordinates", out var c)
                        && Number(c, "latitude") is { } lat && Number(c, "longitude") is { } lon)
                    {
                        location = (lat, lon);
                    }
                    else if (payload.ValueKind == JsonValueKind.Object && (Str(payload, "url") ?? Str(payload, "thumbnail")) is { Length: > 0 } url)
                    {
                        attachments.Add(new ZaloAttachment(type, url, Str(payload, "name")));
                    }
                }
            }

            var user = name is Follow or Unfollow && root.TryGetProperty("follower", out var f) ? Str(f, "id")
                : root.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Object ? Str(s, "id") : null;
            return new ZaloEvent
            {
                AppId = appId,
                Name = name,
                Timestamp = timestamp,
                UserId = user ?? Str(root, "user_id_by_app"),
                MessageId = message.ValueKind == JsonValueKind.Object ? Str(message, "msg_id") : null,
                Text = message.ValueKind == JsonValueKind.Object ? Str(message, "text") : null,
                Attachments = attachments,
                Location = location,
                Phone = root.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object ? Str(info, "phone") : null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string or a number, as Zalo writes either (timestamps and ids come as strings, sometimes as numbers).</summary>
    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    private static double? Number(JsonElement e, string name) =>
        Str(e, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
}
