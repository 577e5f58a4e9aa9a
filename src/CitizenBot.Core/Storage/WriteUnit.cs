using LiteDB;

namespace CitizenBot.Core.Storage;

/// <summary>
/// One caller's piece of a group commit: its work runs inside the group's transaction on the writer thread,
/// and its task completes only once the whole group is committed and on disk. The work may run more than once
/// (the group is replayed without a unit that threw), so it must not keep state outside the transaction.
/// </summary>
internal abstract class WriteUnit
{
    /// <summary>A unit that must run alone, outside any transaction (a checkpoint).</summary>
    public bool Exclusive { get; init; }

    public abstract void Run(LiteDatabase db);

    public abstract void Complete();

    public abstract void Fail(Exception error);
}

internal sealed class WriteUnit<T>(Func<LiteDatabase, T> work) : WriteUnit
{
    // Callers continue on the thread pool, never on the writer thread.
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _done.Task;

    public override void Run(LiteDatabase db) => _result = work(db);

    public override void Complete() => _done.TrySetResult(_result);

    public override void Fail(Exception error) => _done.TrySetException(error);
}
