using System.Security.Cryptography;
using System.Text;
using CitizenBot.Core.Storage;

namespace CitizenBot.Channels.Web;

/// <summary>
/// Web conversation ids the server issued: 128 random bits and a 64-bit keyed tag over them. Whoever holds an id holds
/// the conversation, as with a Telegram chat; an id made up by a client has no valid tag and is refused, so the limit on
/// conversations started per address cannot be stepped around by inventing ids.
/// </summary>
public sealed class WebConversationIds(DataSeal seal)
{
    private const int RandomHex = 32;
    private const int TagHex = 16;

    public string New()
    {
        var random = Convert.ToHexString(RandomNumberGenerator.GetBytes(RandomHex / 2)).ToLowerInvariant();
        return random + Tag(random);
    }

    public bool IsIssued(string id) =>
        id.Length == RandomHex + TagHex
        && id.All(Uri.IsHexDigit)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(id[RandomHex..].ToLowerInvariant()), Encoding.ASCII.GetBytes(Tag(id[..RandomHex].ToLowerInvariant())));

    private string Tag(string random) => seal.Hash("web-conversation:" + random)[..TagHex].ToLowerInvariant();
}
