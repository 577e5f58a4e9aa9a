using System.Security.Cryptography;
using System.Text;

namespace CitizenBot.Core.Storage;

/// <summary>
/// Field-level sealing under the one identity key: AES-256-GCM with a random nonce per value (so equal values
/// seal differently), and keyed hashes for lookups that must not reveal what they hash. No key derivation per
/// call: sealing a few kilobytes costs microseconds, cheap enough for every conversation turn.
/// </summary>
public sealed class DataSeal
{
    /// <summary>Marks a sealed text, so a field may hold old clear values and new sealed ones side by side.</summary>
    public const string Prefix = "S1:";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public DataSeal(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The identity key must be 32 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>Nonce, tag and cipher text, in that order.</summary>
    public byte[] SealBytes(ReadOnlySpan<byte> plain)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return sealedBytes;
    }

    /// <summary>The plain bytes, or null when sealed under another key, tampered with or not sealed at all.</summary>
    public byte[]? OpenBytes(ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plain);
            return plain;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public string Seal(string plain) => Prefix + Convert.ToBase64String(SealBytes(Encoding.UTF8.GetBytes(plain)));

    /// <summary>The text, or null when <paramref name="sealedText"/> is not a value this key sealed.</summary>
    public string? Open(string sealedText)
    {
        if (!IsSealed(sealedText))
        {
            return null;
        }

        try
        {
            return OpenBytes(Convert.FromBase64String(sealedText[Prefix.Length..])) is { } plain ? Encoding.UTF8.GetString(plain) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A keyed hash (HMAC-SHA256, hex): equal inputs give equal hashes, but only the key holder can compute one.</summary>
    public string Hash(string value) => Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));
}
