using CitizenBot.Core.Petitions;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace CitizenBot.Channels.Telegram;

/// <summary>Petition photos sent on Telegram: fetched on demand through the Bot API by their file id (nothing is copied).</summary>
public sealed class TelegramPhotoSource(ITelegramBotClient telegram, ILogger<TelegramPhotoSource> logger) : IPetitionPhotoSource
{
    /// <summary>Telegram's Bot API serves files up to 20 MB.</summary>
    private const long MaxPhotoBytes = 20 * 1024 * 1024;

    public string Prefix => "";

    public async Task<PetitionPhoto?> OpenAsync(string reference, CancellationToken ct)
    {
        try
        {
            var file = await telegram.GetFile(reference, ct);
            if (file.FilePath is null || file.FileSize > MaxPhotoBytes)
            {
                return null;
            }

            var content = new MemoryStream();
            await telegram.DownloadFile(file.FilePath, content, ct);
            return new PetitionPhoto(content.ToArray(), "image/jpeg");
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException)
        {
            logger.LogWarning("A petition photo could not be fetched from Telegram: {Error}", ex.GetType().Name);
            return null;
        }
    }
}
