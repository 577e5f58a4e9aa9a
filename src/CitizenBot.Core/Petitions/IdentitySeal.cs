using System.Text.Json;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Petitions;

/// <summary>
/// Seals a denouncer's identity (field-level, not LiteDB's file password), and derives the keyed hashes that let
/// an author find their own denunciation without linking it to anything else they sent.
/// </summary>
public sealed class IdentitySeal(DataSeal seal)
{
    public string Seal(PetitionIdentity identity) => Convert.ToBase64String(seal.SealBytes(JsonSerializer.SerializeToUtf8Bytes(identity)));

    /// <summary>The identity, or null when the seal was made with another key or tampered with.</summary>
    public PetitionIdentity? Open(string sealedIdentity)
    {
        try
        {
            return seal.OpenBytes(Convert.FromBase64String(sealedIdentity)) is { } plain ? JsonSerializer.Deserialize<PetitionIdentity>(plain) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The author lookup of one denunciation: different for every petition, even from one chat, so a <c>TC-</c>
    /// record cannot be joined to the author's other petitions (which keep their chat in clear).
    /// </summary>
    public string Lookup(string addressKey, string code) => seal.Hash($"author:{addressKey}:{code}");

    /// <summary>A key for something addressed to a denouncer (an outbox message, a letter, a rating) that does not name the petition.</summary>
    public string OpaqueKey(string key) => "sealed:" + seal.Hash("key:" + key);
}
