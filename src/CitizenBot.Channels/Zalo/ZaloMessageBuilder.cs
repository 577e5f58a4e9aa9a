using System.Text.Json.Nodes;
using CitizenBot.Core.Messaging;

namespace CitizenBot.Channels.Zalo;

/// <summary>Turns our channel-neutral messages into Zalo message bodies, within Zalo's limits.</summary>
public static class ZaloMessageBuilder
{
    /// <summary>Zalo's limits on a consultation message (third-party copies of Zalo's documentation; see README).</summary>
    public const int MaxTextLength = 2000;
    public const int MaxButtons = 5;
    public const int MaxButtonTitleLength = 100;
    public const int MaxPayloadLength = 1000;

    /// <summary>Marks a button's payload: a press comes back as the user's text, and this tells it from typed words.</summary>
    public const string PayloadPrefix = "#cb:";

    /// <summary>Text with query buttons when they fit Zalo's limits; else the choices numbered in the text.</summary>
    public static (JsonObject Message, IReadOnlyList<string>? Numbered) Text(string text, IReadOnlyList<Button> buttons)
    {
        if (buttons.Count == 0)
        {
            return (new JsonObject { ["text"] = Trim(text, MaxTextLength) }, null);
        }

        var fits = buttons.Count <= MaxButtons
            && buttons.All(b => b.Label.Length <= MaxButtonTitleLength && PayloadPrefix.Length + b.Payload.Length <= MaxPayloadLength);
        if (fits)
        {
            var list = new JsonArray();
            foreach (var button in buttons)
            {
                // oa.query.hide: the press sends the payload back without showing it in the chat.
                list.Add(new JsonObject { ["title"] = button.Label, ["type"] = "oa.query.hide", ["payload"] = PayloadPrefix + button.Payload });
            }

            return (new JsonObject
            {
                ["text"] = Trim(text, MaxTextLength),
                ["attachment"] = new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject { ["buttons"] = list },
                },
            }, null);
        }

        var lines = buttons.Select((b, i) => ZaloTexts.Numbered(i + 1, b.Label));
        var asked = text.Replace("bấm một nút bên dưới", "gõ số thứ tự bên dưới", StringComparison.Ordinal);
        var numbered = asked != text
            ? $"{asked}\n\n{string.Join('\n', lines)}"
            : $"{text}\n\n{string.Join('\n', lines)}\n\n{ZaloTexts.PickByNumber}";
        return (new JsonObject { ["text"] = Trim(numbered, MaxTextLength) }, [.. buttons.Select(b => b.Payload)]);
    }

    /// <summary>Zalo's information form (request_user_info): the citizen shares name and phone in two taps.</summary>
    public static JsonObject PhoneForm() => new()
    {
        ["attachment"] = new JsonObject
        {
            ["type"] = "template",
            ["payload"] = new JsonObject
            {
                ["template_type"] = "request_user_info",
                ["elements"] = new JsonArray(new JsonObject { ["title"] = ZaloTexts.FormTitle, ["subtitle"] = ZaloTexts.FormSubtitle }),
            },
        },
    };

    /// <summary>An uploaded image (by attachment id) or an image Zalo already holds (by URL), captioned.</summary>
    public static JsonObject Image(string caption, string? attachmentId, string? url)
    {
        var element = new JsonObject { ["media_type"] = "image" };
        if (attachmentId is not null)
        {
            element["attachment_id"] = attachmentId;
        }
        else
        {
            element["url"] = url;
        }

        return new JsonObject
        {
            ["text"] = Trim(caption, MaxTextLength),
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject { ["template_type"] = "media", ["elements"] = new JsonArray(element) },
            },
        };
    }

    /// <summary>An uploaded document, by the token the upload answered.</summary>
    public static JsonObject File(string token) => new()
    {
        ["attachment"] = new JsonObject { ["type"] = "file", ["payload"] = new JsonObject { ["token"] = token } },
    };

    /// <summary>A proactive (promotion) message: a header and the text, no buttons.</summary>
    public static JsonObject Proactive(string header, string text) => new()
    {
        ["attachment"] = new JsonObject
        {
            ["type"] = "template",
            ["payload"] = new JsonObject
            {
                ["template_type"] = "promotion",
                ["language"] = "VI",
                ["elements"] = new JsonArray(
                    new JsonObject { ["type"] = "header", ["content"] = Trim(header, 100) },
                    new JsonObject { ["type"] = "text", ["align"] = "left", ["content"] = Trim(text, MaxTextLength) }),
            },
        },
    };

    private static string Trim(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}
