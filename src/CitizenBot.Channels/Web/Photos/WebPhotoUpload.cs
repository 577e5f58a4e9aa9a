using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions.WebPhotos;
using CitizenBot.Dialogs.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CitizenBot.Channels.Web.Photos;

/// <summary>
/// A photo sent from the web chat (multipart field "photo", and "after", the last message the page shows): held to
/// Web:MaxPhotoMegabytes, recognised by its first bytes, stored sealed, then given to the conversation as a photo
/// attachment "web:…", exactly as a Telegram photo arrives. A refusal is a short Vietnamese sentence the page shows.
/// </summary>
public static class WebPhotoUpload
{
    /// <summary>Room for the multipart headers and the "after" field around the photo itself.</summary>
    private const long FormOverhead = 64 * 1024;

    public static async Task<IResult> ReceiveAsync(string id, HttpContext http, WebChatLimits limits, WebPhotoBook photos, ConversationBot bot, OutboxKicker kicker, Outbox outbox, CancellationToken ct)
    {
        var photo = await ReadAsync(http, limits, ct);
        if (photo.Refusal is { } refusal)
        {
            return Results.Json(new { error = refusal }, statusCode: photo.Status);
        }

        var reference = await photos.AddAsync(new ChatAddress(WebChannelSender.ChannelName, id), photo.Content!, photo.ContentType!);
        var input = new TurnInput { Attachments = [new InputAttachment("photo", reference)], SenderKey = WebChatEndpoints.SenderKeyOf(http) };
        return await WebChatEndpoints.RunTurnAsync(id, input, photo.After, http, bot, kicker, outbox, ct);
    }

    /// <summary>What a request carried: a photo with its type, or the refusal and its status code.</summary>
    public sealed record Received(byte[]? Content, string? ContentType, long After, string? Refusal, int Status);

    public static async Task<Received> ReadAsync(HttpContext http, WebChatLimits limits, CancellationToken ct)
    {
        var tooLarge = new Received(null, null, 0, WebChatTexts.TooLarge(limits.MaxPhotoMegabytes), StatusCodes.Status413PayloadTooLarge);
        if (http.Request.ContentLength > limits.MaxPhotoBytes + FormOverhead)
        {
            return tooLarge;
        }

        if (!http.Request.HasFormContentType)
        {
            return new Received(null, null, 0, WebChatTexts.NoPhoto, StatusCodes.Status400BadRequest);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxPhotoBytes + FormOverhead;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return new Received(null, null, 0, WebChatTexts.NoPhoto, StatusCodes.Status400BadRequest);
        }

        var after = long.TryParse(form["after"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : 0;
        if (form.Files.GetFile("photo") is not { Length: > 0 } file)
        {
            return new Received(null, null, after, WebChatTexts.NoPhoto, StatusCodes.Status400BadRequest);
        }

        if (file.Length > limits.MaxPhotoBytes)
        {
            return tooLarge with { After = after };
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        return PhotoKind.Of(content) is { } type
            ? new Received(content, type, after, null, StatusCodes.Status200OK)
            : new Received(null, null, after, WebChatTexts.NotAPhoto, StatusCodes.Status415UnsupportedMediaType);
    }
}
