namespace CitizenBot.Host.Officer;

/// <summary>
/// Wrong officer logins (one-time codes, the shared token, a wrong X-Officer-Token) counted per client address over
/// 15 minutes; past the limit the address gets a 429 until the window has passed. In memory: a restart only forgives.
/// </summary>
public sealed class LoginThrottle(int failuresPerWindow, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const string TooManyText = "Đã nhập sai mã quá nhiều lần. Xin đợi 15 phút rồi thử lại, hoặc nhắn /dangnhapweb cho bot để nhận mã mới.";
    private const int MaxAddresses = 10_000;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = [];

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public bool IsBlocked(string address)
    {
        lock (_lock)
        {
            return Recent(address) is { } failures && failures.Count >= failuresPerWindow;
        }
    }

    public void Fail(string address)
    {
        lock (_lock)
        {
            if (Recent(address) is not { } failures)
            {
                if (_failures.Count >= MaxAddresses)
                {
                    Prune();
                }

                failures = new Queue<DateTimeOffset>();
                _failures[address] = failures;
            }

            failures.Enqueue(time.GetUtcNow());
        }
    }

    private Queue<DateTimeOffset>? Recent(string address)
    {
        if (!_failures.TryGetValue(address, out var failures))
        {
            return null;
        }

        var since = time.GetUtcNow() - Window;
        while (failures.Count > 0 && failures.Peek() <= since)
        {
            failures.Dequeue();
        }

        return failures;
    }

    private void Prune()
    {
        foreach (var address in _failures.Keys.ToList())
        {
            if (Recent(address) is { Count: 0 })
            {
                _failures.Remove(address);
            }
        }
    }
}
