using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Channels.Web;

/// <summary>
/// The web chat: a page and a small JSON API. A conversation id is a random 128-bit value with a keyed tag, issued by
/// the server; whoever holds it holds the conversation, as with a Telegram chat.
/// </summary>
public static class WebChatEndpoints
{
    public const int MaxInputLength = 10_000;

    public sealed record SendRequest(string? Text, string? Payload, long After);

    public sealed record ButtonView(string Label, string Payload);

    public sealed record MessageView(long Id, string Text, IReadOnlyList<ButtonView> Buttons, FileView? File, int Columns = 1);

    public sealed record FileView(string Name, string Url);

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        var ids = new WebConversationIds(app.ServiceProvider.GetRequiredService<DataSeal>());
        bool IsConversationId(string id) => ids.IsIssued(id);
        app.MapGet("/", () => Results.Content(WebChatPage.Html, "text/html; charset=utf-8"));
        app.MapPost("/api/chat/start", () => Results.Ok(new { conversationId = ids.New() }))
            .RequireRateLimiting(WebChatRateLimiting.StartPolicy);
        app.MapPost("/api/chat/{id}/send", (string id, SendRequest request, HttpContext http, ConversationBot bot, OutboxKicker kicker, Outbox outbox, CancellationToken ct) =>
            IsConversationId(id) ? SendAsync(id, request, http, bot, kicker, outbox, ct) : Task.FromResult(Results.NotFound()))
            .RequireRateLimiting(WebChatRateLimiting.TurnPolicy);
        app.MapGet("/api/chat/{id}/messages", (string id, long? after, Outbox outbox) =>
            IsConversationId(id) ? Results.Ok(Read(outbox, id, after ?? 0)) : Results.NotFound())
            .RequireRateLimiting(WebChatRateLimiting.ReadPolicy);
        app.MapGet("/api/chat/{id}/files/{messageId:long}", (string id, long messageId, Outbox outbox) =>
        {
            // Only the conversation the message was sent to may download its file.
            var message = IsConversationId(id) ? outbox.Get(messageId) : null;
            return message is not null && outbox.Open(message).File is { } file && message.AddressKey == new ChatAddress(WebChannelSender.ChannelName, id).Key
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.NotFound();
        }).RequireRateLimiting(WebChatRateLimiting.ReadPolicy);
        return app;
    }

    /// <summary>The key that limits per client count under: the client's address, whatever conversation it uses.</summary>
    public static string SenderKeyOf(HttpContext http) => "web-ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async Task<IResult> SendAsync(string id, SendRequest request, HttpContext http, ConversationBot bot, OutboxKicker kicker, Outbox outbox, CancellationToken ct)
    {
        var text = request.Text is { Length: > MaxInputLength } tooLong ? tooLong[..MaxInputLength] : request.Text;
        var payload = request.Payload is { Length: > 64 } ? null : request.Payload;
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrEmpty(payload))
        {
            text = "";
        }

        var address = new ChatAddress(WebChannelSender.ChannelName, id);
        await bot.HandleAsync(address, new TurnInput { Text = payload is null ? text : null, Payload = payload, SenderKey = SenderKeyOf(http) }, ct);
        await kicker.SendNowAsync(address.Key, ct);
        return Results.Ok(Read(outbox, id, request.After));
    }

    /// <summary>The conversation's own messages, confidential ones opened for it alone.</summary>
    private static List<MessageView> Read(Outbox outbox, string id, long after) =>
        [.. outbox.HistoryOf(new ChatAddress(WebChannelSender.ChannelName, id).Key, after, 100)
            .Select(m => new MessageView(m.Id, m.Message.Text, [.. m.Message.Buttons.Select(b => new ButtonView(b.Label, b.Payload))],
                m.Message.File is { } file ? new FileView(file.FileName, $"/api/chat/{id}/files/{m.Id}") : null, m.Message.Columns))];
}
