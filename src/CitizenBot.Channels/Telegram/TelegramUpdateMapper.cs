using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CitizenBot.Channels.Telegram;

/// <summary>Turns a Telegram update into the channel-neutral input, and tells private chats from groups.</summary>
public static class TelegramUpdateMapper
{
    public static Chat? ChatOf(Update update) => update.Message?.Chat ?? update.CallbackQuery?.Message?.Chat ?? update.MyChatMember?.Chat;

    public static bool IsPrivate(Chat chat) => chat.Type == ChatType.Private;

    public static ChatAddress AddressOf(Chat chat) => new(TelegramChannelSender.ChannelName, chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static TurnInput? ToInput(Update update)
    {
        if (update.CallbackQuery is { } callback)
        {
            return new TurnInput
            {
                Payload = callback.Data,
                UpdateId = update.Id,
                UserId = callback.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                SenderKey = SenderKeyOf(callback.From.Id),
                UserDisplayName = callback.From.FirstName,
                InGroup = callback.Message is { } pressed && !IsPrivate(pressed.Chat),
            };
        }

        if (update.Message is not { } message)
        {
            return null;
        }

        var attachments = new List<InputAttachment>();
        if (message.Photo is { Length: > 0 } photos)
        {
            attachments.Add(new InputAttachment("photo", photos[^1].FileId));
        }

        if (message.Document is { } document)
        {
            attachments.Add(new InputAttachment("document", document.FileId, document.FileName));
        }

        return new TurnInput
        {
            Text = StripBotName(message.Text ?? message.Caption),
            ContactPhone = OwnPhoneOf(message),
            Attachments = attachments,
            UpdateId = update.Id,
            UserId = message.From?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SenderKey = message.From is { } from ? SenderKeyOf(from.Id) : null,
            UserDisplayName = message.From?.FirstName,
            InGroup = !IsPrivate(message.Chat),
            ReplyToMessageId = message.ReplyToMessage?.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Location = message.Location is { } location ? GeoPoint.Of(location.Latitude, location.Longitude) : null,
        };
    }

    /// <summary>A shared contact is the sender's phone only when it is the sender's own card; someone else's is ignored.</summary>
    private static string? OwnPhoneOf(Message message) =>
        message.Contact is { UserId: { } owner } contact && message.From is { } from && owner == from.Id ? contact.PhoneNumber : null;

    /// <summary>The key that limits per sender count under: the Telegram user, whatever chat they write in.</summary>
    public static string SenderKeyOf(long userId) => "telegram-user:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"/menu@CitizenBot" becomes "/menu".</summary>
    private static string? StripBotName(string? text)
    {
        if (text is null || !text.StartsWith('/'))
        {
            return text;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return at > 0 && (space < 0 || at < space) ? text[..at] + (space > 0 ? text[space..] : "") : text;
    }
}
