namespace CitizenBot.Channels.Web.Photos;

/// <summary>Which image a file is, by its first bytes (never by its name or the browser's word): JPEG, PNG or WebP.</summary>
public static class PhotoKind
{
    /// <summary>The content type of a JPEG, PNG or WebP image; null for anything else.</summary>
    public static string? Of(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        return head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
    }
}
