using System.Runtime.CompilerServices;

namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// This one test process hosts several bots, fake Telegram and Zalo servers and browser drivers at once, on a 2-core
/// machine: far more than one host ever runs. The thread pool starts with as many threads as cores and adds about one
/// a second when its work waits, so a burst of briefly blocking work (LiteDB reads, group-commit waits) in one test
/// could hold another test's HTTP request for seconds. Starting with more threads removes that artefact of sharing the
/// process; the host's own behaviour is unchanged.
/// </summary>
internal static class TestProcessSetup
{
#pragma warning disable CA2255 // A test assembly's own process setup, which is what a module initializer is for.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
