using CitizenBot.Channels.Web.Photos;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions.WebPhotos;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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

    /// <summary>A message, a pressed button, or a place from the browser (both numbers, checked to be a place on Earth).</summary>
    public sealed record SendRequest(string? Text, string? Payload, long After, double? Latitude = null, double? Longitude = null);

    /// <param name="AsksPhone">The bot asks for a phone number: the page offers a number keypad (the web has no contact button).</param>
    public sealed record MessageView(long Id, string Text, IReadOnlyList<ButtonView> Buttons, FileView? File, bool AsksPhone = false, int Columns = 1);

    public sealed record ButtonView(string Label, string Payload);

    public sealed record FileView(string Name, string Url);

    /// <summary>
    /// The oldest message the server still holds for the conversation (0: none), on every answer with messages. The page
    /// drops, at once, what it shows and keeps from before it: a "Dữ liệu của tôi" erasure or the retention sweep took it.
    /// </summary>
    public const string HistoryFromHeader = "X-History-From";

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        var ids = new WebConversationIds(app.ServiceProvider.GetRequiredService<DataSeal>());
        var page = WebChatPage.For(app.ServiceProvider.GetRequiredService<CommuneOptions>());
        bool IsConversationId(string id) => ids.IsIssued(id);
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapPost("/api/chat/start", () => Results.Ok(new { conversationId = ids.New() }))
            .AddEndpointFilter(NoStore)
            .RequireRateLimiting(WebChatRateLimiting.StartPolicy);
        app.MapPost("/api/chat/{id}/send", (string id, SendRequest request, HttpContext http, ConversationBot bot, OutboxKicker kicker, Outbox outbox, CancellationToken ct) =>
            IsConversationId(id) ? SendAsync(id, request, http, bot, kicker, outbox, ct) : Task.FromResult(Results.NotFound()))
            .AddEndpointFilter(NoStore)
            .RequireRateLimiting(WebChatRateLimiting.TurnPolicy);
        app.MapPost("/api/chat/{id}/photo", (string id, HttpContext http, WebChatLimits limits, WebPhotoBook photos, ConversationBot bot, OutboxKicker kicker, Outbox outbox, CancellationToken ct) =>
            IsConversationId(id) ? WebPhotoUpload.ReceiveAsync(id, http, limits, photos, bot, kicker, outbox, ct) : Task.FromResult(Results.NotFound()))
            .AddEndpointFilter(NoStore)
            .RequireRateLimiting(WebChatRateLimiting.PhotoPolicy)
            .DisableAntiforgery();
        app.MapGet("/api/chat/{id}/messages", (string id, long? after, HttpContext http, Outbox outbox) =>
            IsConversationId(id) ? Answer(http, outbox, id, after ?? 0) : Results.NotFound())
            .AddEndpointFilter(NoStore)
            .RequireRateLimiting(WebChatRateLimiting.ReadPolicy);
        app.MapGet("/api/chat/{id}/files/{messageId:long}", (string id, long messageId, Outbox outbox) =>
        {
            // Only the conversation the message was sent to may download its file.
            var message = IsConversationId(id) ? outbox.Get(messageId) : null;
            return message is not null && outbox.Open(message).File is { } file && message.AddressKey == new ChatAddress(WebChannelSender.ChannelName, id).Key
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.NotFound();
        }).AddEndpointFilter(NoStore).RequireRateLimiting(WebChatRateLimiting.ReadPolicy);
        return app;
    }

    /// <summary>
    /// The API's answers hold the conversation (and its id): the browser keeps none of them in its cache, so nothing of it
    /// stays on a shared computer once the page forgets the conversation.
    /// </summary>
    private static ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return next(context);
    }

    /// <summary>The key that limits per client count under: the client's address, whatever conversation it uses.</summary>
    public static string SenderKeyOf(HttpContext http) => "web-ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The turn's input from the request, or the refusal the citizen reads (a "place" that is not one).</summary>
    public static (TurnInput? Input, string? Refusal) ToInput(SendRequest request, string senderKey)
    {
        if (request.Latitude is not null || request.Longitude is not null)
        {
            return GeoPoint.Of(request.Latitude, request.Longitude) is { } place
                ? (new TurnInput { Location = place, SenderKey = senderKey }, null)
                : (null, WebChatTexts.NotAPlace);
        }

        var text = request.Text is { Length: > MaxInputLength } tooLong ? tooLong[..MaxInputLength] : request.Text;
        var payload = request.Payload is { Length: > 64 } ? null : request.Payload;
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrEmpty(payload))
        {
            text = "";
        }

        return (new TurnInput { Text = payload is null ? text : null, Payload = payload, SenderKey = senderKey }, null);
    }

    private static async Task<IResult> SendAsync(string id, SendRequest request, HttpContext http, ConversationBot bot, OutboxKicker kicker, Outbox outbox, CancellationToken ct)
    {
        var (input, refusal) = ToInput(request, SenderKeyOf(http));
        if (input is null)
        {
            return Results.BadRequest(new { error = refusal });
        }

        return await RunTurnAsync(id, input, request.After, http, bot, kicker, outbox, ct);
    }

    /// <summary>Runs one turn of the conversation and answers with what it has sent since <paramref name="after"/>.</summary>
    internal static async Task<IResult> RunTurnAsync(string id, TurnInput input, long after, HttpContext http, ConversationBot bot, OutboxKicker kicker, Outbox outbox, CancellationToken ct)
    {
        var address = new ChatAddress(WebChannelSender.ChannelName, id);
        await bot.HandleAsync(address, input, ct);
        await kicker.SendNowAsync(address.Key, ct);
        return Answer(http, outbox, id, after);
    }

    /// <summary>The messages since <paramref name="after"/>, with where the held history now starts; never cached by the browser.</summary>
    private static IResult Answer(HttpContext http, Outbox outbox, string id, long after)
    {
        var oldest = outbox.For(new ChatAddress(WebChannelSender.ChannelName, id).Key, 0, 1) is [var first] ? first.Id : 0;
        http.Response.Headers[HistoryFromHeader] = oldest.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(Read(outbox, id, after));
    }

    /// <summary>The conversation's own messages, confidential ones opened for it alone.</summary>
    private static List<MessageView> Read(Outbox outbox, string id, long after) =>
        [.. outbox.HistoryOf(new ChatAddress(WebChannelSender.ChannelName, id).Key, after, 100)
            .Select(m => new MessageView(m.Id, m.Message.Text, [.. m.Message.Buttons.Select(b => new ButtonView(b.Label, b.Payload))],
                m.Message.File is { } file ? new FileView(file.FileName, $"/api/chat/{id}/files/{m.Id}") : null, m.Message.RequestContact, m.Message.Columns))];
}
