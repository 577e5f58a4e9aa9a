using CitizenBot.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CitizenBot.Tests.Configuration;

/// <summary>Sections bound as options keep the one-line error naming the key, in and outside the host.</summary>
public sealed class OptionsSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void An_empty_limit_keeps_its_default()
    {
        var limits = Settings.Read<LimitsOptions>(Config(("Limits:TurnsPerMinute", ""), ("Limits:RelaysPerHour", " ")));

        Assert.Equal((30, 30), (limits.TurnsPerMinute, limits.RelaysPerHour));
    }

    [Theory]
    [InlineData("Limits:TurnsPerMinute", "4", "Configuration error: Limits:TurnsPerMinute: '4' must be a whole number from 5 to 10000.")]
    [InlineData("Limits:RelaysPerHour", "many", "Configuration error: Limits:RelaysPerHour: 'many' must be a whole number from 1 to 1000.")]
    [InlineData("Limits:LookupsPerHour", "+5", "Configuration error: Limits:LookupsPerHour: '+5' must be a whole number from 1 to 10000.")]
    public void A_bad_limit_is_one_line_naming_the_key(string key, string value, string message)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Settings.Read<LimitsOptions>(Config((key, value))));

        Assert.Equal(message, ex.Message);
        Assert.Equal(key, ex.Key);
    }

    [Fact]
    public void In_the_host_a_validation_failure_becomes_the_same_one_line()
    {
        using var provider = new ServiceCollection().AddSingleton(Config(("Limits:TurnsPerMinute", "4"))).AddSettings().BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LimitsOptions>>().Value);

        Assert.Equal("Configuration error: Limits:TurnsPerMinute: '4' must be a whole number from 5 to 10000.", Settings.ToConfigurationException(ex).Message);
    }
}
