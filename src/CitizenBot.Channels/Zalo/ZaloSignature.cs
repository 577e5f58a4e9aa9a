using System.Security.Cryptography;
using System.Text;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// Zalo's webhook signature: header <c>X-ZEvent-Signature: mac=&lt;hex&gt;</c>, the hex being a plain SHA-256 of
/// app id + raw body + timestamp (from the body) + OA secret key.
/// </summary>
public static class ZaloSignature
{
    public const string HeaderName = "X-ZEvent-Signature";

    public static string Compute(string appId, string rawBody, string timestamp, string oaSecretKey) =>
        "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + rawBody + timestamp + oaSecretKey)));

    /// <summary>Compares in constant time, so the answer's timing tells nothing of the expected value.</summary>
    public static bool IsValid(string? header, string appId, string rawBody, string timestamp, string oaSecretKey)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(appId, rawBody, timestamp, oaSecretKey));
        var given = Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
