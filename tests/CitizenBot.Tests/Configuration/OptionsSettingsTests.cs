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
    [InlineData("Officer:MaxImportMegabytes", "0", "Configuration error: Officer:MaxImportMegabytes: '0' must be a whole number from 1 to 1000.")]
    [InlineData("Web:MaxPhotoMegabytes", "16", "Configuration error: Web:MaxPhotoMegabytes: '16' must be a whole number from 1 to 15.")]
    [InlineData("Limits:WebPhotosPerHour", "0", "Configuration error: Limits:WebPhotosPerHour: '0' must be a whole number from 1 to 10000.")]
    [InlineData("Privacy:RetentionMonths", "5", "Configuration error: Privacy:RetentionMonths: '5' must be a whole number from 6 to 120.")]
    [InlineData("Letters:LookbackDays", "month", "Configuration error: Letters:LookbackDays: 'month' must be a whole number from 1 to 3650.")]
    [InlineData("Escalation:ReannounceAfterMinutes", "1", "Configuration error: Escalation:ReannounceAfterMinutes: '1' must be a whole number from 5 to 10080.")]
    [InlineData("Summary:LeadersChatId", "leaders", "Configuration error: Summary:LeadersChatId: 'leaders' is not a Telegram chat id (a whole number, negative for groups).")]
    [InlineData("Hangfire:ServerEnabled", "yes", "Configuration error: Hangfire:ServerEnabled: 'yes' must be true or false.")]
    [InlineData("Hangfire:Storage", "Redis", "Configuration error: Hangfire:Storage: 'Redis' is not one of InMemory, PostgreSql.")]
    public void A_bad_setting_is_one_line_naming_the_key(string key, string value, string message)
    {
        var ex = Assert.Throws<ConfigurationException>(() => HostSettings.Load(Config((key, value))));

        Assert.Equal(message, ex.Message);
        Assert.Equal(key, ex.Key);
    }

    [Fact]
    public void Officer_privacy_letter_and_escalation_settings_keep_their_defaults_and_are_read()
    {
        var defaults = HostSettings.Load(Config());
        var settings = HostSettings.Load(Config(("Officer:Token", "secret"), ("Officer:MaxImportMegabytes", "10"), ("Officer:LoginFailuresPerAddress", "3"),
            ("Privacy:RetentionMonths", "36"), ("Letters:LookbackDays", "7"), ("Escalation:ReannounceAfterMinutes", "60"), ("limits:turnsperminute", " ")));

        Assert.Equal(((string?)null, 50, 5, 24, 30, TimeSpan.FromHours(4)),
            (defaults.OfficerToken, defaults.MaxImportMegabytes, defaults.LoginFailuresPerAddress, defaults.RetentionMonths, defaults.LetterLookbackDays, defaults.QuestionReannounceAfter));
        Assert.Equal(("secret", 10, 3, 36, 7, TimeSpan.FromHours(1), 30),
            (settings.OfficerToken, settings.MaxImportMegabytes, settings.LoginFailuresPerAddress, settings.RetentionMonths, settings.LetterLookbackDays, settings.QuestionReannounceAfter, settings.TurnsPerMinute));
    }

    [Fact]
    public void The_web_chats_photo_limits_keep_their_defaults_and_are_read()
    {
        var defaults = HostSettings.Load(Config());
        var settings = HostSettings.Load(Config(("Web:MaxPhotoMegabytes", "4"), ("Limits:WebPhotosPerHour", "12")));

        Assert.Equal((10, 30), (defaults.WebChat.MaxPhotoMegabytes, defaults.WebChat.PhotosPerHour));
        Assert.Equal((4, 12, 4L * 1024 * 1024), (settings.WebChat.MaxPhotoMegabytes, settings.WebChat.PhotosPerHour, settings.WebChat.MaxPhotoBytes));
    }

    [Fact]
    public void Summary_and_hangfire_settings_are_read()
    {
        var settings = HostSettings.Load(Config(("Summary:LeadersChatId", "-1002"), ("Hangfire:Storage", "postgresql"), ("Hangfire:ConnectionString", "Host=db"),
            ("Hangfire:ServerEnabled", "false")));

        Assert.Equal((-1002L, HangfireStorageKind.PostgreSql, "Host=db", false),
            (settings.LeadersChatId, settings.HangfireStorage, settings.HangfireConnectionString, settings.HangfireServerEnabled));
        Assert.Equal(((long?)null, true), (HostSettings.Load(Config(("Summary:LeadersChatId", ""))).LeadersChatId, HostSettings.Load(Config()).HangfireServerEnabled));
    }

    [Fact]
    public void In_the_host_a_validation_failure_becomes_the_same_one_line()
    {
        using var provider = new ServiceCollection().AddSingleton(Config(("Limits:TurnsPerMinute", "4"))).AddSettings().BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LimitsOptions>>().Value);

        Assert.Equal("Configuration error: Limits:TurnsPerMinute: '4' must be a whole number from 5 to 10000.", Settings.ToConfigurationException(ex).Message);
    }
}
