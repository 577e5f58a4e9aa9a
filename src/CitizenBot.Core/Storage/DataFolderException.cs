namespace CitizenBot.Core.Storage;

/// <summary>The data folder cannot be used (not writable, full, corrupt).</summary>
public class DataFolderException : Exception
{
    public DataFolderException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>Another process holds the data folder.</summary>
public sealed class DataFolderInUseException : DataFolderException
{
    public DataFolderInUseException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
