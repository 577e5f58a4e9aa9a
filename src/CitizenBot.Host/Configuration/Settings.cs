using System.Globalization;
using Microsoft.Extensions.Options;

namespace CitizenBot.Host.Configuration;

/// <summary>
/// Registers every settings section converted to options: bound with <c>AddOptions&lt;T&gt;().BindConfiguration(section).ValidateOnStart()</c>
/// and checked by an <see cref="IValidateOptions{TOptions}"/> whose failure is today's one line naming the full key.
/// </summary>
public static class Settings
{
    private const string Prefix = "Configuration error: ";

    /// <summary>The sections whose blank values mean the defaults (not Commune, where a blank name is an error, nor Proxy, a list only).</summary>
    private static readonly (string Name, object Defaults)[] Sections =
    [
        (LimitsOptions.Section, new LimitsOptions()),
        (OfficerOptions.Section, new OfficerOptions()),
        (PrivacyRetentionOptions.Section, new PrivacyRetentionOptions()),
        (LetterLookbackOptions.Section, new LetterLookbackOptions()),
        (EscalationTimingOptions.Section, new EscalationTimingOptions()),
        (LeadersSummaryOptions.Section, new LeadersSummaryOptions()),
        (HangfireStorageOptions.Section, new HangfireStorageOptions()),
        (WebOptions.Section, new WebOptions()),
        (StorageOptions.Section, new StorageOptions()),
        (TelegramSettingsOptions.Section, new TelegramSettingsOptions()),
        (ZaloSettingsOptions.Section, new ZaloSettingsOptions()),
        (ReceptionSettingsOptions.Section, new ReceptionSettingsOptions()),
        (PetitionDeadlineOptions.Section, new PetitionDeadlineOptions()),
        (PetitionWorkingDays.Section, new PetitionWorkingDays()),
    ];

    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsValidator>();
        services.AddOptions<OfficerOptions>().BindConfiguration(OfficerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OfficerOptions>, OfficerValidator>();
        services.AddOptions<PrivacyRetentionOptions>().BindConfiguration(PrivacyRetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyRetentionOptions>, PrivacyRetentionValidator>();
        services.AddOptions<LetterLookbackOptions>().BindConfiguration(LetterLookbackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LetterLookbackOptions>, LetterLookbackValidator>();
        services.AddOptions<EscalationTimingOptions>().BindConfiguration(EscalationTimingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationTimingOptions>, EscalationTimingValidator>();
        services.AddOptions<LeadersSummaryOptions>().BindConfiguration(LeadersSummaryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LeadersSummaryOptions>, LeadersSummaryValidator>();
        services.AddOptions<HangfireStorageOptions>().BindConfiguration(HangfireStorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HangfireStorageOptions>, HangfireStorageValidator>();
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .PostConfigure<IConfiguration>((o, c) => o.KnownProxies = HostSettings.ReadStrings(c, ProxyOptions.KnownProxiesKey)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyValidator>();
        services.AddOptions<TelegramSettingsOptions>().BindConfiguration(TelegramSettingsOptions.Section)
            .PostConfigure<IConfiguration>((o, c) => o.AdminUserIds = HostSettings.ReadStrings(c, "Telegram:AdminUserIds")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramSettingsOptions>, TelegramSettingsValidator>();
        services.AddOptions<ZaloSettingsOptions>().BindConfiguration(ZaloSettingsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloSettingsOptions>, ZaloSettingsValidator>();
        services.AddOptions<CommuneSettingsOptions>().BindConfiguration(CommuneSettingsOptions.Section)
            .PostConfigure<IConfiguration>((o, c) => o.Villages = HostSettings.ReadStrings(c, "Commune:Villages")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommuneSettingsOptions>, CommuneSettingsValidator>();
        services.AddOptions<ReceptionSettingsOptions>().BindConfiguration(ReceptionSettingsOptions.Section)
            .PostConfigure<IConfiguration>((o, c) =>
            {
                o.DaysOfMonth = HostSettings.ReadStrings(c, "Reception:DaysOfMonth");
                o.Holidays = HostSettings.ReadStrings(c, "Reception:Holidays");
                o.ExtraHolidays = HostSettings.ReadStrings(c, "Reception:ExtraHolidays");
                o.Hours = HostSettings.ReadStrings(c, "Reception:Hours");
            }).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReceptionSettingsOptions>, ReceptionSettingsValidator>();
        services.AddOptions<PetitionDeadlineOptions>().BindConfiguration(PetitionDeadlineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PetitionDeadlineOptions>, PetitionDeadlineValidator>();
        return services;
    }

    /// <summary>Binds and validates one section outside a host (start-up, the import command, tests); a failure is a <see cref="ConfigurationException"/>.</summary>
    public static T Read<T>(IConfiguration config)
        where T : class
    {
        // A copy, not a chained source: a chained source reads an empty value as missing (a blank Commune:Name must stay an error).
        var bound = new ConfigurationBuilder().AddInMemoryCollection(config.AsEnumerable()).HideBlankValues(config).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(bound).AddSettings().BuildServiceProvider();
        try
        {
            return provider.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw ToConfigurationException(ex);
        }
        catch (InvalidOperationException ex)
        {
            // The binder could not convert a value (e.g. "many" for a number): the validator names the key from the raw text.
            var result = provider.GetServices<IValidateOptions<T>>().Select(v => v.Validate(Options.DefaultName, null!)).FirstOrDefault(r => r.Failed);
            throw result is null ? new ConfigurationException(typeof(T).Name, ex.Message) : ToConfigurationException(new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures));
        }
    }

    /// <summary>
    /// A blank value (an empty environment variable) means the default, as it always has: the binder would fail on it, so a last
    /// source gives blank values of the bound sections their defaults.
    /// </summary>
    public static IConfigurationBuilder HideBlankValues(this IConfigurationBuilder builder, IConfiguration config) =>
        builder.AddInMemoryCollection([.. Sections.SelectMany(s => config.GetSection(s.Name).GetChildren()
            .Where(c => c.Value is not null && string.IsNullOrWhiteSpace(c.Value))
            .Select(c => new KeyValuePair<string, string?>(c.Path, Default(s.Defaults, c.Key))))]);

    private static string? Default(object defaults, string property) =>
        defaults.GetType().GetProperty(property, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase) is { } p
            && p.GetValue(defaults) is null or IConvertible
            ? Convert.ToString(p.GetValue(defaults), CultureInfo.InvariantCulture)
            : null;

    /// <summary>The first failure as today's one-line error: "Configuration error: Key: problem".</summary>
    public static ConfigurationException ToConfigurationException(OptionsValidationException ex)
    {
        var line = ex.Failures.FirstOrDefault() ?? ex.Message;
        var text = line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..] : line;
        var split = text.IndexOf(": ", StringComparison.Ordinal);
        return split < 0 ? new ConfigurationException(ex.OptionsName, text) : new ConfigurationException(text[..split], text[(split + 2)..]);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, checked on the raw text so the error quotes it; empty = the default.</summary>
    internal static string? CheckInt(IConfiguration config, string key, int min, int max)
    {
        var value = config[key];
        return string.IsNullOrWhiteSpace(value)
            || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            ? null
            : new ConfigurationException(key, $"'{value}' must be a whole number from {min} to {max}.").Message;
    }

    /// <summary>A post-bind check written as today's reader: its <see cref="ConfigurationException"/> becomes the failure line.</summary>
    internal static string? Check(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (ConfigurationException ex)
        {
            return ex.Message;
        }
    }

    internal static ValidateOptionsResult Result(IEnumerable<string?> failures) =>
        failures.FirstOrDefault(f => f is not null) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
}
