using LiteDB;

namespace CitizenBot.Core.Storage;

/// <summary>
/// The one LiteDB database of the process, behind one write path: a single writer thread takes every queued
/// unit of work (turns, outbox claims and completions, the polling cursor, job writes), runs them together in one
/// LiteDB transaction, forces the log to disk once, and only then completes its callers' tasks (group commit).
/// Nobody blocks on a lock to write, LiteDB never sees two writers (#2825), and nothing a caller was told is
/// saved can be lost by a crash. Reads run concurrently on any thread. A lock file refuses a second process.
/// The folder and its files are made private (<see cref="PrivateFiles"/>) at every open, and LiteDB's files are created
/// 0600 before it opens them. Both files are encrypted at rest under a sub-key of the identity key (<see cref="DatabaseAtRest"/>);
/// an older unencrypted database is converted when it is first opened.
/// </summary>
public sealed class CitizenDatabase : IDisposable
{
    public const string FileName = "citizenbot.db";
    public const string LogFileName = "citizenbot-log.db";
    public const string LockFileName = "citizenbot.lock";

    /// <summary>Units taken into one group at most, so one transaction's log stays small.</summary>
    private const int MaxGroup = 256;

    [ThreadStatic]
    private static CitizenDatabase? t_writerOf;

    private readonly FileStream _lockFile;
    private readonly System.Collections.Concurrent.BlockingCollection<WriteUnit> _queue = [];
    private readonly Thread _writer;
    private readonly AsyncLocal<bool> _inTurn = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _created = new(StringComparer.OrdinalIgnoreCase);
    private const string CreationPlaceholder = "__citizenbot_creates_the_collection";
    private volatile LiteDatabase _db;
    private volatile bool _faulted;
    private FileStream? _logSync;
    private long _groups;
    private long _units;
    private bool _disposed;

    private readonly string _password;

    private CitizenDatabase(LiteDatabase db, FileStream lockFile, string dataDir, string password, AtRestConversion? converted)
    {
        _db = db;
        _lockFile = lockFile;
        DataDir = dataDir;
        _password = password;
        Converted = converted;

        // Collections already in the file need no creation unit: no other transaction runs yet, so their names are read
        // safely here, and only names new to the file go through the writer (EnsureCreated). Nothing drops a collection.
        foreach (var existing in db.GetCollectionNames())
        {
            _created[existing] = Task.CompletedTask;
        }

        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "CitizenBot LiteDB writer" };
        _writer.Start();
    }

    public string DataDir { get; }

    /// <summary>Set when this open converted an older unencrypted database (the host logs it once).</summary>
    public AtRestConversion? Converted { get; }

    /// <summary>
    /// Opens the data folder's database, encrypted under a sub-key of <paramref name="identityKey"/>. The key is asked for
    /// once the folder is secured and locked (reading it may create the key file there).
    /// </summary>
    public static CitizenDatabase Open(string dataDir, Func<byte[]> identityKey)
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
            var password = DatabaseAtRest.Password(identityKey());
            AtRestConversion? converted = null;
            DatabaseAtRest.RemoveLeftovers(fullDir);
            if (DatabaseAtRest.IsPlain(Path.Combine(fullDir, FileName)))
            {
                converted = DatabaseAtRest.Convert(fullDir, password, CitizenBsonMapper.Create());
            }

            return new CitizenDatabase(Connect(fullDir, password), lockFile, fullDir, password, converted);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_PASSWORD)
        {
            lockFile.Dispose();
            throw new DataFolderException(
                $"Storage:DataDir '{fullDir}': the database is encrypted under another identity key; start with the key it was created with "
                + "(Petitions:IdentityKey, CITIZENBOT_IDENTITY_KEY or Petitions:IdentityKeyFile).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            lockFile.Dispose();
            throw new DataFolderException($"Storage:DataDir '{fullDir}': the database cannot be opened: {ex.Message}", ex);
        }
        catch
        {
            lockFile.Dispose();
            throw;
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

    private static LiteDatabase Connect(string fullDir, string password)
    {
        // LiteDB takes an empty file for a new database and an empty log for no log, and deletes the log only when it closes.
        PrivateFiles.Ensure(Path.Combine(fullDir, FileName));
        PrivateFiles.Ensure(Path.Combine(fullDir, LogFileName));
        return new LiteDatabase(
            new ConnectionString { Filename = Path.Combine(fullDir, FileName), Connection = ConnectionType.Direct, Password = password },
            CitizenBsonMapper.Create());
    }

    /// <summary>Groups committed and units run since start (benchmarks report units per group).</summary>
    public (long Groups, long Units) CommitCounts => (Interlocked.Read(ref _groups), Interlocked.Read(ref _units));

    /// <summary>Units waiting for the writer (a test's diagnosis of a stall).</summary>
    public int QueuedUnits => _disposed ? 0 : _queue.Count;

    /// <summary>A collection for reading. Write through <see cref="WriteAsync{T}"/> or <see cref="Write{T}"/>.</summary>
    public ILiteCollection<T> Collection<T>(string name)
    {
        if (_faulted && !_disposed)
        {
            // A failed disk write stopped LiteDB's engine: the writer reopens it before reads go on.
            Write(_ => true);
        }

        EnsureCreated(name);
        return _db.GetCollection<T>(name);
    }

    /// <summary>
    /// Creates a collection through the writer, once, before anyone reads it. LiteDB 5.0.21 can answer a read of a
    /// collection that another transaction is creating with "page type must be collection page" and then close its
    /// engine (litedb-org/LiteDB#2792), or with a document cut short; seen here when fifty chats' first turns created
    /// "conversations" while others read it. Every reader of a name waits for the same creation to be committed.
    /// </summary>
    private void EnsureCreated(string name)
    {
        // System collections ("$indexes", "$cols"...) are LiteDB's own views, never created.
        if (InWriter || name.StartsWith('$'))
        {
            return;
        }

        var ready = _created.GetOrAdd(name, n =>
        {
            var unit = new WriteUnit<bool>(db =>
            {
                if (!db.CollectionExists(n))
                {
                    var col = db.GetCollection(n);
                    col.Insert(new BsonDocument { ["_id"] = CreationPlaceholder });
                    col.Delete(CreationPlaceholder);
                }

                return true;
            });
            Enqueue(unit);
            return unit.Task;
        });
        try
        {
            ready.GetAwaiter().GetResult();
        }
        catch
        {
            // Tried again by the next reader (a full disk, say).
            _created.TryRemove(new KeyValuePair<string, Task>(name, ready));
            throw;
        }
    }

    /// <summary>Declares a collection's indexes in one write, where a store first opens it (EnsureIndex does nothing when the index exists).</summary>
    public void EnsureIndexes<T>(string name, Action<ILiteCollection<T>> declare)
    {
        var col = Collection<T>(name);
        Write(_ => declare(col));
    }

    /// <summary>
    /// Queues a unit of work for the next group commit; the task completes once it is committed and on disk.
    /// Called from the writer thread (a unit writing through a service), the work joins the running transaction.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> work)
    {
        if (t_writerOf == this)
        {
            return Task.FromResult(work(_db));
        }

        ThrowIfInTurn();
        var unit = new WriteUnit<T>(work);
        Enqueue(unit);
        return unit.Task;
    }

    public Task WriteAsync(Action<LiteDatabase> work) => WriteAsync(db =>
    {
        work(db);
        return true;
    });

    /// <summary>
    /// A write for callers off the hot path (jobs, officer actions, start-up): queued like any other and waited for.
    /// Turns, sends and the polling cursor use <see cref="WriteAsync{T}"/>.
    /// </summary>
    public T Write<T>(Func<LiteDatabase, T> work) =>
        t_writerOf == this ? work(_db) : WriteAsync(work).GetAwaiter().GetResult();

    public void Write(Action<LiteDatabase> work) => Write(db =>
    {
        work(db);
        return true;
    });

    /// <summary>Every write is a transaction now; kept for the callers that say so.</summary>
    public T WriteTransaction<T>(Func<LiteDatabase, T> work) => Write(work);

    public void WriteTransaction(Action<LiteDatabase> work) => Write(work);

    /// <summary>Changes every document that matches, in one transaction; returns how many.</summary>
    public int UpdateMany<T>(string collection, System.Linq.Expressions.Expression<Func<T, bool>> which, Action<T> change) => Write(tx =>
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

    public void Checkpoint()
    {
        var unit = new WriteUnit<bool>(db =>
        {
            db.Checkpoint();
            return true;
        }) { Exclusive = true };
        Enqueue(unit);
        unit.Task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Marks the running code as a conversation turn computed outside the writer: any write it attempts throws
    /// <see cref="TurnWritesException"/>, and the turn is run again inside one unit of work, so a turn commits
    /// its records, its state and its replies together or not at all.
    /// </summary>
    public IDisposable BeginTurn()
    {
        _inTurn.Value = true;
        return new TurnScope(this);
    }

    /// <summary>True on the writer thread, inside a unit of work.</summary>
    public bool InWriter => t_writerOf == this;

    private void ThrowIfInTurn()
    {
        if (_inTurn.Value)
        {
            throw new TurnWritesException();
        }
    }

    private void Enqueue(WriteUnit unit)
    {
        try
        {
            _queue.Add(unit);
        }
        catch (InvalidOperationException ex)
        {
            throw new ObjectDisposedException(nameof(CitizenDatabase), ex);
        }
    }

    private void WriterLoop()
    {
        t_writerOf = this;
        var group = new List<WriteUnit>(MaxGroup);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            group.Add(first);
            while (group.Count < MaxGroup && _queue.TryTake(out var next))
            {
                group.Add(next);
            }

            // An exclusive unit (a checkpoint) runs alone, between the transactions before and after it.
            var start = 0;
            for (var i = 0; i <= group.Count; i++)
            {
                if (i == group.Count || group[i].Exclusive)
                {
                    CommitGroup(group.GetRange(start, i - start));
                    if (i < group.Count)
                    {
                        RunExclusive(group[i]);
                    }

                    start = i + 1;
                }
            }

            group.Clear();
        }
    }

    /// <summary>
    /// Runs the units in one transaction and commits it with one flush to disk. A unit that throws is dropped with its
    /// error and the others run again without it (LiteDB has no savepoints), so one bad unit never sinks its group.
    /// </summary>
    private void CommitGroup(List<WriteUnit> units)
    {
        while (units.Count > 0)
        {
            try
            {
                Reopen();
                _db.BeginTrans();
                WriteUnit? failed = null;
                Exception? error = null;
                foreach (var unit in units)
                {
                    try
                    {
                        unit.Run(_db);
                    }
                    catch (Exception ex) when (!IsStorageFailure(ex))
                    {
                        (failed, error) = (unit, ex);
                        break;
                    }
                }

                if (failed is not null)
                {
                    TryRollback();
                    units.Remove(failed);
                    failed.Fail(error!);
                    continue;
                }

                _db.Commit();
                FlushLog();
                Interlocked.Increment(ref _groups);
                Interlocked.Add(ref _units, units.Count);
                foreach (var unit in units)
                {
                    unit.Complete();
                }

                return;
            }
            catch (Exception ex)
            {
                if (IsStorageFailure(ex))
                {
                    _faulted = true;
                }

                TryRollback();
                foreach (var unit in units)
                {
                    unit.Fail(ex);
                }

                return;
            }
        }
    }

    private void RunExclusive(WriteUnit unit)
    {
        try
        {
            Reopen();
            unit.Run(_db);
            unit.Complete();
        }
        catch (Exception ex)
        {
            _faulted |= IsStorageFailure(ex);
            unit.Fail(ex);
        }
    }

    /// <summary>
    /// LiteDB 5.0.21 writes a commit's pages to its log file and does not flush them to disk (5.0.20 flushed every
    /// 8 KB page, about 21 fsyncs a turn). One fsync of the log per group makes the whole group durable before any
    /// caller goes on. Safe because: the OS keeps written pages across a kill -9, so only a power cut can lose
    /// unflushed pages, and then only of the group in flight, whose callers were never answered (no reply sent, no
    /// polling offset saved); LiteDB replays on open only transactions whose closing page reached the log, and a
    /// checkpoint flushes the data file itself before it truncates the log. fsync applies to the file, not to the
    /// descriptor, so our own handle on LiteDB's log flushes LiteDB's writes.
    /// </summary>
    private void FlushLog()
    {
        if (_logSync is null)
        {
            var path = Path.Combine(DataDir, LogFileName);
            if (!File.Exists(path))
            {
                return;
            }

            _logSync = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        }

        _logSync.Flush(flushToDisk: true);
    }

    /// <summary>
    /// LiteDB stops its engine for good after a failed write to disk (a full disk, a read-only folder): every later call
    /// rethrows the first error. The database is opened again on the next unit, replaying its log, so committed data
    /// is kept, the failed transaction is dropped, and the host carries on once the disk can be written again.
    /// </summary>
    private void Reopen()
    {
        if (!_faulted || _disposed)
        {
            return;
        }

        CloseLogSync();
        try
        {
            _db.Dispose();
        }
        catch (Exception ex) when (ex is IOException or LiteException or ObjectDisposedException)
        {
            // The failed engine may not close cleanly; its files are reopened below.
        }

        _db = Connect(DataDir, _password);
        _faulted = false;
    }

    private void CloseLogSync()
    {
        _logSync?.Dispose();
        _logSync = null;
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
        catch (LiteException)
        {
            // No transaction was open.
        }
    }

    /// <summary>The disk or the file failed (full, gone, not ours), as opposed to a bug: callers wait and try again.</summary>
    public static bool IsStorageFailure(Exception ex) => ex is IOException or UnauthorizedAccessException || (ex is LiteException && ex.InnerException is IOException);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        // Units already queued are committed first; then the writer ends and the files are closed.
        _queue.CompleteAdding();
        if (Thread.CurrentThread != _writer)
        {
            _writer.Join();
        }

        _disposed = true;
        CloseLogSync();
        _db.Dispose();
        _lockFile.Dispose();
        _queue.Dispose();
    }

    private sealed class TurnScope(CitizenDatabase owner) : IDisposable
    {
        public void Dispose() => owner._inTurn.Value = false;
    }
}

/// <summary>A conversation turn computed outside the writer tried to write: the turn is run again inside one unit of work.</summary>
public sealed class TurnWritesException() : InvalidOperationException("A turn wrote outside its unit of work; it runs again inside one.");
