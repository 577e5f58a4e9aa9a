using CitizenBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CitizenBot.Tests.Configuration;

public sealed class RelayLimitSettingsTests
{
    private static HostSettings Load(params (string Key, string Value)[] values) =>
        HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void The_sender_limit_the_hourly_relay_cap_and_the_communes_phone_have_defaults_and_are_read()
    {
        var defaults = Load();
        var settings = Load(("Limits:QuestionsPerSenderPerDay", "8"), ("Limits:RelaysPerHour", "12"), ("Commune:Phone", "0237 3868 123"));

        Assert.Equal((20, 30, (string?)null), (defaults.QuestionsPerSenderPerDay, defaults.RelaysPerHour, defaults.Commune.Phone));
        Assert.Equal((8, 12, "0237 3868 123"), (settings.QuestionsPerSenderPerDay, settings.RelaysPerHour, settings.Commune.Phone));
    }

    [Theory]
    [InlineData("Limits:QuestionsPerSenderPerDay", "0")]
    [InlineData("Limits:RelaysPerHour", "many")]
    [InlineData("Commune:Phone", "gọi chủ tịch")]
    public void A_malformed_limit_or_phone_stops_start_up_naming_its_key(string key, string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load((key, value)));

        Assert.StartsWith($"Configuration error: {key}:", ex.Message, StringComparison.Ordinal);
    }
}
