using LiteDB;

namespace CitizenBot.Core.Storage;

/// <summary>
/// The one LiteDB database of the process. LiteDB 5.0.20 can corrupt its free-page list when two
/// writers commit to different collections at once (#2825), so every write goes through
/// <see cref="Write{T}"/> or <see cref="WriteTransaction"/>, which share one process-wide lock.
/// Reads may run concurrently. A lock file refuses a second process on the same data folder. The folder and its
/// files are made private (<see cref="PrivateFiles"/>) at every open, and LiteDB's files are created 0600 before it opens them.
/// </summary>
public sealed class CitizenDatabase : IDisposable
{
    public const string FileName = "citizenbot.db";
    public const string LockFileName = "citizenbot.lock";

    /// <summary>LiteDB's write-ahead log beside the database (its name is LiteDB's own convention).</summary>
    public const string LogFileName = "citizenbot-log.db";

    private readonly FileStream _lockFile;
    private volatile LiteDatabase _db;
    private volatile bool _faulted;
    private readonly Lock _writeLock = new();
    private bool _disposed;

    private CitizenDatabase(LiteDatabase db, FileStream lockFile, string dataDir)
    {
        _db = db;
        _lockFile = lockFile;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    public static CitizenDatabase Open(string dataDir)
    {
        var fullDir = Path.GetFullPath(dataDir);
        try
        {
            PrivateFiles.Secure(fullDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"Storage:DataDir '{fullDir}' cannot be created: {ex.Message}", ex);
        }

        var lockFile = AcquireLock(fullDir);
        try
        {
            return new CitizenDatabase(Connect(fullDir), lockFile, fullDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            lockFile.Dispose();
            throw new DataFolderException($"Storage:DataDir '{fullDir}': the database cannot be opened: {ex.Message}", ex);
        }
    }

    /// <summary>True when another process holds the data folder (used by the CLI to hand work to the running host).</summary>
    public static bool IsInUse(string dataDir)
    {
        var fullDir = Path.GetFullPath(dataDir);
        if (!Directory.Exists(fullDir))
        {
            return false;
        }

        try
        {
            using var probe = AcquireLock(fullDir);
            return false;
        }
        catch (DataFolderInUseException)
        {
            return true;
        }
    }

    private static FileStream AcquireLock(string fullDir)
    {
        var path = Path.Combine(fullDir, LockFileName);
        try
        {
            PrivateFiles.Ensure(path);

            // FileShare.None takes an exclusive advisory lock (flock) on Unix, released if the process dies.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DataFolderInUseException(
                $"The data folder '{fullDir}' is already used by another CitizenBot process; stop it first or use its officer endpoints.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DataFolderException($"Storage:DataDir '{fullDir}' is not writable: {ex.Message}", ex);
        }
    }

    private static LiteDatabase Connect(string fullDir)
    {
        // LiteDB takes an empty file for a new database and an empty log for no log, and deletes the log only when it closes.
        PrivateFiles.Ensure(Path.Combine(fullDir, FileName));
        PrivateFiles.Ensure(Path.Combine(fullDir, LogFileName));
        return new LiteDatabase(
            new ConnectionString { Filename = Path.Combine(fullDir, FileName), Connection = ConnectionType.Direct },
            CitizenBsonMapper.Create());
    }

    /// <summary>A collection for reading. Write through <see cref="Write{T}"/>.</summary>
    public ILiteCollection<T> Collection<T>(string name)
    {
        if (_faulted)
        {
            lock (_writeLock)
            {
                Reopen();
            }
        }

        return _db.GetCollection<T>(name);
    }

    public T Write<T>(Func<LiteDatabase, T> work)
    {
        lock (_writeLock)
        {
            Reopen();
            try
            {
                return work(_db);
            }
            catch (Exception ex) when (IsStorageFailure(ex))
            {
                _faulted = true;
                throw;
            }
        }
    }

    public void Write(Action<LiteDatabase> work) => Write(db =>
    {
        work(db);
        return true;
    });

    /// <summary>Changes every document that matches, in one transaction; returns how many.</summary>
    public int UpdateMany<T>(string collection, System.Linq.Expressions.Expression<Func<T, bool>> which, Action<T> change) => WriteTransaction(tx =>
    {
        var col = tx.GetCollection<T>(collection);
        var found = col.Find(which).ToList();
        foreach (var document in found)
        {
            change(document);
            col.Update(document);
        }

        return found.Count;
    });

    /// <summary>Runs a batch of writes as one LiteDB transaction under the write lock.</summary>
    public T WriteTransaction<T>(Func<LiteDatabase, T> work)
    {
        lock (_writeLock)
        {
            Reopen();
            try
            {
                _db.BeginTrans();
                try
                {
                    var result = work(_db);
                    _db.Commit();
                    return result;
                }
                catch
                {
                    TryRollback();
                    throw;
                }
            }
            catch (Exception ex) when (IsStorageFailure(ex))
            {
                _faulted = true;
                throw;
            }
        }
    }

    /// <summary>
    /// LiteDB stops its engine for good after a failed write to disk (a full disk, a read-only folder): every later call
    /// rethrows the first error. The database is opened again on the next call, replaying its log, so committed data
    /// is kept, the failed transaction is dropped, and the host carries on once the disk can be written again.
    /// </summary>
    private void Reopen()
    {
        if (!_faulted || _disposed)
        {
            return;
        }

        try
        {
            _db.Dispose();
        }
        catch (Exception ex) when (ex is IOException or LiteException or ObjectDisposedException)
        {
            // The failed engine may not close cleanly; its files are reopened below.
        }

        _db = Connect(DataDir);
        _faulted = false;
    }

    private void TryRollback()
    {
        try
        {
            _db.Rollback();
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            _faulted = true;
        }
    }

    private static bool IsStorageFailure(Exception ex) => ex is IOException or UnauthorizedAccessException || (ex is LiteException && ex.InnerException is IOException);

    public void WriteTransaction(Action<LiteDatabase> work) => WriteTransaction(db =>
    {
        work(db);
        return true;
    });

    public void Checkpoint() => Write(db => db.Checkpoint());

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _db.Dispose();
            _lockFile.Dispose();
        }
    }
}
