using CitizenBot.Channels.Zalo;
using CitizenBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CitizenBot.Tests.Configuration;

public sealed class ZaloSettingsTests
{
    private static readonly (string, string)[] Keys =
        [("Zalo:AppId", "1234567890"), ("Zalo:AppSecretKey", "app"), ("Zalo:OaSecretKey", "oa"), ("Zalo:RefreshToken", "r0")];

    private static HostSettings Load(params (string Key, string Value)[] values) =>
        HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void Zalo_is_off_when_its_keys_are_unset()
    {
        Assert.False(Load().Zalo.Enabled);
    }

    [Fact]
    public void Zalo_settings_are_read_with_quota_and_templates()
    {
        var zalo = Load([.. Keys, ("Zalo:MonthlyQuota", "1000"), ("Zalo:ApiBaseUrl", "http://127.0.0.1:9000/"), ("Zalo:Templates:DossierStatus", "301001"),
            ("Zalo:Templates:BookingReminder", "")]).Zalo;

        Assert.True(zalo.Enabled);
        Assert.Equal(1000, zalo.MonthlyQuota);
        Assert.Equal("http://127.0.0.1:9000", zalo.ApiBaseUrl);
        Assert.Equal(ZaloOptions.DefaultZnsBaseUrl, zalo.ZnsBaseUrl);
        Assert.Equal("301001", Assert.Single(zalo.Templates).Value);
    }

    [Theory]
    [InlineData("Zalo:AppId", "my-app")]
    [InlineData("Zalo:ApiBaseUrl", "openapi.zalo.me")]
    [InlineData("Zalo:ZnsBaseUrl", "ftp://zalo")]
    [InlineData("Zalo:MonthlyQuota", "-1")]
    [InlineData("Zalo:MonthlyQuota", "many")]
    [InlineData("Zalo:MaxEventAgeMinutes", "0")]
    [InlineData("Zalo:Templates:Birthday", "301001")]
    [InlineData("Zalo:Templates:DossierStatus", "abc")]
    public void A_malformed_Zalo_setting_stops_start_up_naming_its_key(string key, string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load([.. Keys.Where(k => k.Item1 != key), (key, value)]));

        Assert.StartsWith($"Configuration error: {key}:", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_half_configured_account_names_the_missing_key()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load(("Zalo:AppId", "1234567890"), ("Zalo:OaSecretKey", "oa")));

        Assert.Equal("Zalo:AppSecretKey", ex.Key);
    }
}
