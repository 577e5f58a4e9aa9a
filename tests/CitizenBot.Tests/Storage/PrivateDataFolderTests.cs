using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Storage;

/// <summary>The data folder is the bot user's alone: 0700, and every file in it 0600, whatever the umask.</summary>
public sealed class PrivateDataFolderTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed class Note
    {
        public int Id { get; set; }

        public string Body { get; set; } = "";
    }

    [Fact]
    public void Opening_the_data_folder_makes_it_0700_and_every_file_in_it_0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.Combine(_dir.Path, "data");
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var earlier = Path.Combine(folder, "officer-token");
        File.WriteAllText(earlier, "secret");
        File.SetUnixFileMode(earlier, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using (var db = TestDatabase.Open(folder))
        {
            db.Write(tx => tx.GetCollection<Note>("notes").Insert(new Note { Id = 1, Body = "x" }));
            AssertPrivate(folder, CitizenDatabase.FileName, CitizenDatabase.LogFileName, CitizenDatabase.LockFileName, "officer-token");
            db.Checkpoint();
        }

        using (TestDatabase.Open(folder))
        {
            AssertPrivate(folder, CitizenDatabase.FileName, CitizenDatabase.LockFileName, "officer-token");
        }
    }

    [Fact]
    public void A_data_folder_created_by_the_bot_is_0700_from_the_start()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.Combine(_dir.Path, "new", "data");
        using (TestDatabase.Open(folder))
        {
            AssertPrivate(folder, CitizenDatabase.FileName, CitizenDatabase.LockFileName);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AssertPrivate(string folder, params string[] expected)
    {
        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(folder));
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.All(expected, name => Assert.Contains(name, files));
        Assert.All(Directory.GetFiles(folder), file => Assert.True(File.GetUnixFileMode(file) == PrivateFiles.FileMode, $"{file} is {File.GetUnixFileMode(file)}"));
    }
}
