namespace CitizenBot.Tests.Architecture;

/// <summary>The repository's source files, for tests that read the code's shape rather than run it.</summary>
internal static class SourceTree
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root(), .. parts]);

    public static IEnumerable<string> CSharpFiles(params string[] parts) =>
        Directory.EnumerateFiles(Path(parts), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CitizenBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("CitizenBot.sln not found above " + AppContext.BaseDirectory);
    }
}
