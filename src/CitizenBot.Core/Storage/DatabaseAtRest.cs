using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace CitizenBot.Core.Storage;

/// <summary>
/// The database files encrypted at rest with LiteDB's own file encryption (connection string <c>Password</c>): the data
/// file and its log are written through LiteDB's AesStream, AES-256 in ECB mode per 16-byte block, under a key LiteDB
/// derives (PBKDF2) from the password and a random salt kept in each file's first, hidden page. The password is a
/// sub-key of the identity key (HKDF-SHA256 with its own label), never the identity key itself.
/// An older unencrypted database is copied into a new encrypted file beside it, which is flushed to disk and then
/// renamed over the old one (one atomic rename): a crash at any point leaves either the old file whole, converted
/// again at the next start, or the new one whole. LiteDB's own Rebuild is not used: on 5.0.21 it fails on collections
/// with a secondary index and more than 2,550 documents (litedb-org/LiteDB#2827), and between its two renames the
/// database file does not exist.
/// </summary>
public static class DatabaseAtRest
{
    /// <summary>The new encrypted file while a conversion runs; removed at every open if a conversion was cut short.</summary>
    public const string ConvertingFileName = "citizenbot-encrypting.db";

    private const int PageSize = 8192;
    private const int CopyBatch = 1000;
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("CitizenBot database file encryption v1");

    /// <summary>The LiteDB password for this identity key: 32 bytes of HKDF-SHA256 under the label, in base64.</summary>
    public static string Password(byte[] identityKey)
    {
        if (identityKey.Length != 32)
        {
            throw new ArgumentException("The identity key must be 32 bytes.", nameof(identityKey));
        }

        return System.Convert.ToBase64String(HKDF.DeriveKey(HashAlgorithmName.SHA256, identityKey, 32, salt: [], info: Label));
    }

    /// <summary>True when the file holds an unencrypted LiteDB database (an encrypted file starts with the byte 1; a new one is empty).</summary>
    public static bool IsPlain(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length < PageSize)
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return stream.ReadByte() != 1;
    }

    /// <summary>A conversion cut short left its new file behind: it is removed (the old file is still whole).</summary>
    public static void RemoveLeftovers(string fullDir)
    {
        File.Delete(Path.Combine(fullDir, ConvertingFileName));
        File.Delete(Path.Combine(fullDir, LogOf(ConvertingFileName)));
    }

    /// <summary>
    /// Converts the unencrypted database in <paramref name="fullDir"/> to an encrypted one with every collection, document,
    /// index and pragma; returns how many documents were copied. The old log is replayed and folded into the old file first.
    /// </summary>
    public static AtRestConversion Convert(string fullDir, string password, BsonMapper mapper)
    {
        var plainPath = Path.Combine(fullDir, CitizenDatabase.FileName);
        var plainLog = Path.Combine(fullDir, CitizenDatabase.LogFileName);
        var newPath = Path.Combine(fullDir, ConvertingFileName);
        RemoveLeftovers(fullDir);
        PrivateFiles.Ensure(plainLog);
        PrivateFiles.Ensure(newPath);
        PrivateFiles.Ensure(Path.Combine(fullDir, LogOf(ConvertingFileName)));

        var documents = 0;
        var collections = 0;
        using (var plain = new LiteDatabase(new ConnectionString { Filename = plainPath, Connection = ConnectionType.Direct }, mapper))
        {
            plain.Checkpoint();
            var collation = plain.Pragma("COLLATION").AsString;
            using (var encrypted = new LiteDatabase(
                new ConnectionString { Filename = newPath, Connection = ConnectionType.Direct, Password = password, Collation = new Collation(collation) }, mapper))
            {
                foreach (var pragma in new[] { "USER_VERSION", "UTC_DATE", "TIMEOUT", "LIMIT_SIZE", "CHECKPOINT" })
                {
                    encrypted.Pragma(pragma, plain.Pragma(pragma));
                }

                var indexes = plain.GetCollection("$indexes").FindAll().ToList();
                foreach (var name in plain.GetCollectionNames().Order(StringComparer.Ordinal).ToList())
                {
                    collections++;
                    var target = encrypted.GetCollection(name);

                    // Indexes first, on the empty collection: each batch below then keeps them as it commits.
                    foreach (var index in indexes.Where(i => i["collection"].AsString == name && i["name"].AsString != "_id"))
                    {
                        target.EnsureIndex(index["name"].AsString, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
                    }

                    var copied = 0;
                    foreach (var batch in plain.GetCollection(name).FindAll().Chunk(CopyBatch))
                    {
                        copied += target.Insert(batch);
                    }

                    var expected = plain.GetCollection(name).Count();
                    if (copied != expected || target.Count() != expected)
                    {
                        throw new IOException($"encrypting the database copied {copied} of {expected} records of '{name}'; the unencrypted file is kept");
                    }

                    documents += copied;
                }

                encrypted.Checkpoint();
            }
        }

        // Closing LiteDB folds and removes each log; a log left with content would hold writes the copy does not have.
        if (new FileInfo(plainLog) is { Exists: true, Length: > 0 } || new FileInfo(Path.Combine(fullDir, LogOf(ConvertingFileName))) is { Exists: true, Length: > PageSize })
        {
            throw new IOException("a log file was not folded into its database while encrypting it; the unencrypted file is kept");
        }

        FlushToDisk(newPath);
        File.Delete(Path.Combine(fullDir, LogOf(ConvertingFileName)));
        File.Delete(plainLog);

        // One atomic rename: the folder holds the old file or the new one, never neither.
        File.Move(newPath, plainPath, overwrite: true);
        FlushFolder(fullDir);
        return new AtRestConversion(collections, documents);
    }

    private static string LogOf(string fileName) => Path.GetFileNameWithoutExtension(fileName) + "-log" + Path.GetExtension(fileName);

    private static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Makes the rename itself durable (Linux: fsync of the folder).</summary>
    private static void FlushFolder(string fullDir)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = NativeMethods.open([.. Encoding.UTF8.GetBytes(fullDir), 0], 0);
        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = NativeMethods.fsync(fd);
        }
        finally
        {
            _ = NativeMethods.close(fd);
        }
    }

    private static class NativeMethods
    {
#pragma warning disable SA1300, IDE1006 // libc's names
        [DllImport("libc", SetLastError = true)]
        public static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
#pragma warning restore SA1300, IDE1006
    }
}

/// <summary>What converting an unencrypted database moved into the encrypted file.</summary>
public sealed record AtRestConversion(int Collections, int Documents);
