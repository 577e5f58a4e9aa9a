namespace CitizenBot.Core.Storage;

/// <summary>
/// The data folder is the bot user's alone: on Unix the folder is 0700 and every file in it 0600, set explicitly so the
/// process umask does not matter. Windows relies on the folder's inherited ACL.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder 0700 (or makes an existing one 0700) and makes every file and sub-folder in it private.</summary>
    public static void Secure(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, FolderMode);
        File.SetUnixFileMode(folder, FolderMode);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null)
            {
                entry.UnixFileMode = entry is DirectoryInfo ? FolderMode : FileMode;
            }
        }
    }

    /// <summary>Creates an empty file with mode 0600 from the start, or makes an existing one 0600.</summary>
    public static void Ensure(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
            return;
        }

        try
        {
            CreateNew(path).Dispose();
        }
        catch (IOException) when (File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>A new file, mode 0600 from its first byte.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }
}
