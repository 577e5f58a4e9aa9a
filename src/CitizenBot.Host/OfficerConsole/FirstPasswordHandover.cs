namespace CitizenBot.Host.OfficerConsole;

/// <summary>
/// A first password made by an admin (new account, reset), held in memory between the POST that made it and the page the admin
/// is redirected to, which takes it out: shown once, never in a URL, a cookie or the log, and a reload does not send the form
/// again. Held per admin for <see cref="Lifetime"/>; a restart forgets it (the admin resets the password again).
/// </summary>
public sealed class FirstPasswordHandover(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Login, string Password, DateTimeOffset At)> _held = [];

    public void Put(string admin, string login, string password)
    {
        lock (_gate)
        {
            Expire();
            _held[admin] = (login, password, time.GetUtcNow());
        }
    }

    /// <summary>The password waiting for this admin, taken out; null when none or expired.</summary>
    public (string Login, string Password)? Take(string admin)
    {
        lock (_gate)
        {
            Expire();
            return _held.Remove(admin, out var held) ? (held.Login, held.Password) : null;
        }
    }

    private void Expire()
    {
        var now = time.GetUtcNow();
        foreach (var admin in _held.Where(h => now - h.Value.At > Lifetime).Select(h => h.Key).ToList())
        {
            _held.Remove(admin);
        }
    }
}
