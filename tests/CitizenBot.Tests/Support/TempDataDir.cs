namespace CitizenBot.Tests.Support;

/// <summary>A fresh data folder per test, removed afterwards.</summary>
public sealed class TempDataDir : IDisposable
{
    public TempDataDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "citizenbot-tests", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the OS temp cleaner will take it.
        }
    }
}
