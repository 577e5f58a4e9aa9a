using System.Net;
using CitizenBot.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace CitizenBot.Channels.Telegram;

/// <summary>Sends outbox messages through the Bot API and says how each attempt ended.</summary>
public sealed class TelegramChannelSender(ITelegramBotClient client, TelegramPacing pacing) : IChannelSender
{
    public const string ChannelName = "telegram";
    private const int MaxTextLength = 4000;
    private const int MaxCaptionLength = 1000;

    public string Channel => ChannelName;

    public async Task<IDisposable?> WaitTurnAsync(ChatAddress to, CancellationToken ct) =>
        long.TryParse(to.ChatId, out var chatId) ? await pacing.WaitTurnAsync(chatId, ct) : null;

    public async Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct)
    {
        if (!long.TryParse(to.ChatId, out var chatId))
        {
            return SendOutcome.Fail("Not a Telegram chat id.");
        }

        var text = message.Text.Length > MaxTextLength ? message.Text[..MaxTextLength] + "…" : message.Text;
        try
        {
            Message sent;
            if (message.File is { } file)
            {
                using var content = new MemoryStream(file.Content, writable: false);
                var caption = message.Text.Length > MaxCaptionLength ? message.Text[..MaxCaptionLength] + "…" : message.Text;
                InputFile input = file.ChannelFileId is { } fileId ? InputFile.FromFileId(fileId) : InputFile.FromStream(content, file.FileName);
                sent = file.ContentType.StartsWith("image/", StringComparison.Ordinal)
                    ? await client.SendPhoto(chatId, input, caption: caption, replyMarkup: Markup(message), cancellationToken: ct)
                    : await client.SendDocument(chatId, input, caption: caption, replyMarkup: Markup(message), cancellationToken: ct);
            }
            else
            {
                sent = await client.SendMessage(chatId, text, replyMarkup: Markup(message), cancellationToken: ct);
            }

            // The pace counts the send until its answer: tell it now, not after the outbox has recorded the outcome.
            pacing.Answered(chatId);
            return SendOutcome.SentAs(sent.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException ex)
        {
            pacing.Answered(chatId);
            return ex.ErrorCode switch
            {
                429 => SendOutcome.Retry(TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 30), "429 Too Many Requests"),
                >= 500 => SendOutcome.Retry(TimeSpan.Zero, $"{ex.ErrorCode} {ex.Message}"),
                403 => SendOutcome.Fail("Forbidden: the bot was blocked by the user or removed from the group."),
                _ => SendOutcome.Fail($"{ex.ErrorCode} {ex.Message}"),
            };
        }
        catch (RequestException ex) when (ex.HttpStatusCode is >= HttpStatusCode.InternalServerError)
        {
            pacing.Answered(chatId);
            return SendOutcome.Retry(TimeSpan.Zero, $"{(int)ex.HttpStatusCode} {ex.Message}");
        }
        catch (Exception ex) when (IsTimeout(ex, ct))
        {
            // The request left and no answer came: Telegram may already have it. Sent at most once, so not again.
            return SendOutcome.Unsure("Timeout: Telegram may already have the message; it is not sent again");
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException)
        {
            // The connection failed before the request was sent: nothing reached Telegram, so it is safe to try again.
            return NeverSent(ex)
                ? SendOutcome.Retry(TimeSpan.Zero, $"Network: {ex.Message}")
                : SendOutcome.Unsure($"Network: {ex.Message}; it may have arrived, so it is not sent again");
        }
    }

    private static bool IsTimeout(Exception ex, CancellationToken ct) =>
        !ct.IsCancellationRequested && (ex is TaskCanceledException || ex.InnerException is TaskCanceledException or TimeoutException);

    /// <summary>A refused or unreachable connection: the request never left.</summary>
    private static bool NeverSent(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            {
                return true;
            }

            if (inner is System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }

    internal static ReplyMarkup? Markup(OutgoingMessage message)
    {
        if (message.RequestContact)
        {
            // Telegram cannot mix a contact button with inline buttons; the typed words still work.
            var rows = new List<KeyboardButton[]> { new[] { KeyboardButton.WithRequestContact("📱 Gửi số điện thoại") } };
            rows.AddRange(message.Buttons.Select(b => new[] { new KeyboardButton(b.Label) }));
            return new ReplyKeyboardMarkup(rows) { ResizeKeyboard = true, OneTimeKeyboard = true };
        }

        return message.Buttons.Count == 0
            ? null
            : new InlineKeyboardMarkup(message.Rows().Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Payload))));
    }
}
