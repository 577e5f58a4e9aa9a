using CitizenBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CitizenBot.Tests.Configuration;

public sealed class HostSettingsTests
{
    private static HostSettings Load(params (string Key, string Value)[] values) =>
        HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void Defaults_need_no_settings_at_all()
    {
        var settings = Load();

        Assert.False(settings.Telegram.Enabled);
        Assert.Equal("./data", settings.DataDir);
        Assert.Equal(HangfireStorageKind.InMemory, settings.HangfireStorage);
        Assert.Equal("http://127.0.0.1:5080", settings.Urls);
        Assert.Equal("Asia/Ho_Chi_Minh", settings.Commune.TimeZone.Id);
    }

    [Theory]
    [InlineData("Telegram:ApiBaseUrl", "not a url")]
    [InlineData("Telegram:OfficersChatId", "officers")]
    [InlineData("Telegram:AdminUserIds:0", "admin")]
    [InlineData("Telegram:BotToken", "no-colon")]
    [InlineData("Hangfire:Storage", "Redis")]
    [InlineData("Commune:TimeZone", "Mars/Olympus")]
    [InlineData("Commune:Name", "")]
    [InlineData("Reception:DaysOfMonth:0", "32")]
    [InlineData("Reception:Holidays:0", "30/02/2026")]
    [InlineData("Reception:OnHoliday", "Postpone")]
    [InlineData("Reception:Hours:0", "11:00-07:30")]
    [InlineData("Reception:SlotMinutes", "0")]
    [InlineData("Reception:SlotCapacity", "many")]
    [InlineData("Reception:MaxOpenBookings", "99")]
    public void A_malformed_setting_stops_start_up_naming_its_key(string key, string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load((key, value)));

        Assert.StartsWith($"Configuration error: {key.Replace(":0", "", StringComparison.Ordinal)}:", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void PostgreSql_needs_a_connection_string()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load(("Hangfire:Storage", "PostgreSql")));

        Assert.Equal("Hangfire:ConnectionString", ex.Key);
    }

    [Fact]
    public void Telegram_settings_are_read()
    {
        var settings = Load(("Telegram:BotToken", "123:abc"), ("Telegram:ApiBaseUrl", "http://127.0.0.1:8081/"),
            ("Telegram:AdminUserIds:0", "42"), ("Telegram:AdminUserIds:1", "43"), ("Telegram:OfficersChatId", "-1001"),
            ("Commune:Villages:0", "Thôn Một"));

        Assert.True(settings.Telegram.Enabled);
        Assert.Equal("http://127.0.0.1:8081", settings.Telegram.ApiBaseUrl);
        Assert.Equal([42L, 43L], settings.Telegram.AdminUserIds);
        Assert.Equal(-1001, settings.Telegram.OfficersChatId);
        Assert.Equal(["Thôn Một"], settings.Commune.Villages);
    }

    [Fact]
    public void Reception_settings_are_read_with_the_communes_defaults()
    {
        var defaults = Load().Reception;
        var settings = Load(("Reception:DaysOfMonth", "5, 15, 25"), ("Reception:Holidays:0", "30/4"), ("Reception:Holidays:1", "17/2/2026"),
            ("Reception:OnHoliday", "skip"), ("Reception:Hours:0", "8:00-10:00"), ("Reception:SlotMinutes", "20"), ("Reception:SlotCapacity", "2"),
            ("Reception:MaxOpenBookings", "3"), ("Reception:Place", "Hội trường UBND xã")).Reception;

        Assert.Equal([10, 20], defaults.DaysOfMonth);
        Assert.Equal(1, defaults.SlotCapacity);
        Assert.Equal([5, 15, 25], settings.DaysOfMonth);
        Assert.True(settings.IsHoliday(new DateOnly(2027, 4, 30)));
        Assert.True(settings.IsHoliday(new DateOnly(2026, 2, 17)));
        Assert.False(settings.IsHoliday(new DateOnly(2027, 2, 17)));
        Assert.Equal(CitizenBot.Core.Reception.HolidayRule.Skip, settings.OnHoliday);
        Assert.Equal(new TimeOnly(8, 0), settings.Hours.Single().Start);
        Assert.Equal(20, settings.SlotMinutes);
        Assert.Equal(2, settings.SlotCapacity);
        Assert.Equal(3, settings.MaxOpenBookings);
        Assert.Equal("Hội trường UBND xã", settings.Place);
    }

    [Fact]
    public void The_governments_extra_days_off_are_read_and_a_bad_one_names_its_key()
    {
        var settings = Load(("Reception:ExtraHolidays", "14/02/2026, 21/02/2026")).Reception;

        Assert.Equal([new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 21)], settings.ExtraHolidays);
        Assert.True(settings.IsHoliday(new DateOnly(2026, 2, 21)));
        Assert.Equal("Reception:ExtraHolidays", Assert.Throws<ConfigurationException>(() => Load(("Reception:ExtraHolidays:0", "2026-02-14"))).Key);
    }

    [Theory]
    [InlineData("Limits:FollowGuessesPerDossier", "0")]
    [InlineData("Limits:FollowLockHours", "forever")]
    [InlineData("Limits:LookupsPerHour", "-1")]
    [InlineData("Limits:WebConversationsPerHour", "0")]
    [InlineData("Limits:WebTurnsPerMinute", "lots")]
    [InlineData("Limits:WebReadsPerMinute", "0")]
    [InlineData("Proxy:KnownProxies:0", "nginx.local")]
    public void A_malformed_abuse_limit_or_proxy_stops_start_up_naming_its_key(string key, string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load((key, value)));

        Assert.Equal(key.Split(":0")[0], ex.Key);
    }

    [Fact]
    public void Abuse_limits_and_known_proxies_are_read()
    {
        var settings = Load(("Limits:FollowGuessesPerDossier", "3"), ("Limits:FollowLockHours", "48"), ("Limits:LookupsPerHour", "40"),
            ("Limits:WebConversationsPerHour", "100"), ("Proxy:KnownProxies", "127.0.0.1, 172.17.0.1"));

        Assert.Equal(3, settings.FollowGuard.GuessesPerDossier);
        Assert.Equal(TimeSpan.FromHours(48), settings.FollowGuard.LockPeriod);
        Assert.Equal(40, settings.LookupsPerHour);
        Assert.Equal(100, settings.WebChat.ConversationsPerHour);
        Assert.Equal(60, settings.WebChat.TurnsPerMinute);
        Assert.Equal(["127.0.0.1", "172.17.0.1"], settings.KnownProxies.Select(ip => ip.ToString()));
    }

    [Fact]
    public void Telegram_admins_may_be_comma_separated_and_blank_values_mean_the_defaults()
    {
        var settings = Load(("Telegram:AdminUserIds", "42, 43"), ("Telegram:ApiBaseUrl", " "), ("Telegram:PollTimeoutSeconds", ""),
            ("Telegram:OfficersChatId", ""), ("Web:Urls", ""), ("Storage:DataDir", " "), ("Proxy:KnownProxies", ""));

        Assert.Equal([42L, 43L], settings.Telegram.AdminUserIds);
        Assert.Equal("https://api.telegram.org", settings.Telegram.ApiBaseUrl);
        Assert.Equal(30, settings.Telegram.PollTimeoutSeconds);
        Assert.Null(settings.Telegram.OfficersChatId);
        Assert.Equal(HostSettings.DefaultUrls, settings.Urls);
        Assert.Equal("./data", settings.DataDir);
        Assert.Empty(settings.KnownProxies);
    }
}
