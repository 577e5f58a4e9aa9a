using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CitizenBot.Core.Petitions;

/// <summary>
/// Seals a denouncer's identity with AES-256-GCM under the configured key (field-level, not LiteDB's
/// file password), and derives a keyed hash of a chat so its author can find their own petitions.
/// </summary>
public sealed class IdentitySeal(PetitionOptions options)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Seal(PetitionIdentity identity)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(identity);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(options.IdentityKey, TagSize))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The identity, or null when the seal was made with another key or tampered with.</summary>
    public PetitionIdentity? Open(string sealedIdentity)
    {
        try
        {
            var bytes = Convert.FromBase64String(sealedIdentity);
            var plain = new byte[bytes.Length - NonceSize - TagSize];
            using var aes = new AesGcm(options.IdentityKey, TagSize);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plain);
            return JsonSerializer.Deserialize<PetitionIdentity>(plain);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public string Lookup(string addressKey) =>
        Convert.ToHexString(HMACSHA256.HashData(options.IdentityKey, Encoding.UTF8.GetBytes("author:" + addressKey)));
}
