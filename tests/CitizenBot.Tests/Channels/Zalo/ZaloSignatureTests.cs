using System.Security.Cryptography;
using System.Text;
using CitizenBot.Channels.Zalo;

namespace CitizenBot.Tests.Channels.Zalo;

public sealed class ZaloSignatureTests
{
    private const string Body = """{"app_id":"123","event_name":"user_send_text","timestamp":"1764000000000"}""";

    [Fact]
    public void The_signature_is_a_plain_sha256_of_app_id_body_timestamp_and_oa_secret_key()
    {
        var expected = "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("123" + Body + "1764000000000" + "secret")));

        Assert.Equal(expected, ZaloSignature.Compute("123", Body, "1764000000000", "secret"));
        Assert.True(ZaloSignature.IsValid(expected, "123", Body, "1764000000000", "secret"));
        Assert.True(ZaloSignature.IsValid(expected.ToUpperInvariant().Replace("MAC=", "mac=", StringComparison.Ordinal), "123", Body, "1764000000000", "secret"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mac=")]
    [InlineData("mac=00")]
    public void A_missing_or_short_signature_is_refused(string? header)
    {
        Assert.False(ZaloSignature.IsValid(header, "123", Body, "1764000000000", "secret"));
    }

    [Fact]
    public void A_changed_body_timestamp_or_key_breaks_the_signature()
    {
        var signature = ZaloSignature.Compute("123", Body, "1764000000000", "secret");

        Assert.False(ZaloSignature.IsValid(signature, "123", Body.Replace("text", "file", StringComparison.Ordinal), "1764000000000", "secret"));
        Assert.False(ZaloSignature.IsValid(signature, "123", Body, "1764000000001", "secret"));
        Assert.False(ZaloSignature.IsValid(signature, "123", Body, "1764000000000", "other"));
        Assert.False(ZaloSignature.IsValid(signature, "124", Body, "1764000000000", "secret"));
    }
}
