using System.Diagnostics;

namespace CitizenBot.Core.Storage;

/// <summary>
/// Named places where the crash tests kill the process (SIGKILL, as kill -9 does), chosen with the environment
/// variable CITIZENBOT_FAULT_POINT. Unset in production: a hit is one string comparison.
/// </summary>
public static class FaultPoints
{
    public const string EnvironmentVariable = "CITIZENBOT_FAULT_POINT";

    /// <summary>After a petition is submitted and before its turn is saved: once two commits apart, now one unit.</summary>
    public const string PetitionSubmitted = "petition-submitted";

    private static readonly string? Armed = Environment.GetEnvironmentVariable(EnvironmentVariable);

    public static void Hit(string name)
    {
        if (Armed is not null && string.Equals(Armed, name, StringComparison.Ordinal))
        {
            Process.GetCurrentProcess().Kill();
        }
    }
}
