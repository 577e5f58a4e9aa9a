using Microsoft.Extensions.Options;

namespace CitizenBot.Host.Configuration;

/// <summary>
/// Checks the whole-number settings of one section on their raw text, so the one-line error quotes the value as written
/// ("Configuration error: Limits:TurnsPerMinute: '4' must be a whole number from 5 to 10000."); a blank value means the default.
/// </summary>
public abstract class RangeValidator<TOptions>(IConfiguration config, string section, (string Name, int Min, int Max)[] ranges) : IValidateOptions<TOptions>
    where TOptions : class
{
    public virtual ValidateOptionsResult Validate(string? name, TOptions options) =>
        Settings.Result(ranges.Select(r => Settings.CheckInt(config, $"{section}:{r.Name}", r.Min, r.Max)));
}
