using System.Security.Cryptography;
using System.Text;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Roles;

/// <summary>A one-time code an officer asked for in Telegram, to log in on the officer page as themselves.</summary>
public sealed class WebLoginCode
{
    /// <summary>SHA-256 of the code: the code itself is never stored.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    public string UserKey { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The user's role epoch when the code was issued: a revocation in between voids it.</summary>
    public int Epoch { get; set; }

    /// <summary>The outbox message that carried the code, overwritten once the code is used or late.</summary>
    public string OutboxKey { get; set; } = "";
}

/// <summary>A logged-in officer on the web, by the SHA-256 of their session cookie.</summary>
public sealed class WebSession
{
    [BsonId]
    public string Id { get; set; } = "";

    public string UserKey { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the expiry was last pushed on (sliding, but not one write per request).</summary>
    public DateTimeOffset ExtendedAt { get; set; }

    /// <summary>Opened with the shared token: no role to re-check.</summary>
    public bool Shared { get; set; }

    public int Epoch { get; set; }
}

/// <summary>Who a session belongs to, and whether they must change their first password before anything else.</summary>
public sealed record SessionUser(string UserKey, bool MustChangePassword);

/// <summary>
/// Web login for officers. An officer asks the bot for a one-time code (/dangnhapweb), types it on the officer page,
/// and gets a session of their own; the shared token opens a session too, so no cookie ever holds the token.
/// Sessions are stored hashed and slide for 12 hours of use; every request re-checks the officer's role and role epoch,
/// so a revoked officer is out at once and stays out when granted again. The code's message is overwritten once used or late.
/// </summary>
public sealed class WebLogins(CitizenDatabase db, UserRoles roles, TimeProvider time, DataSeal seal)
{
    public const string CodesCollection = "web_login_codes";
    public const string SessionsCollection = "web_sessions";
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    public const string UsedCodeText = "🔑 Mã đăng nhập trang cán bộ này đã được dùng.";
    public const string ExpiredCodeText = "🔑 Mã đăng nhập trang cán bộ này đã hết hạn. Gõ /dangnhapweb để nhận mã mới.";
    private static readonly TimeSpan ExtendEvery = TimeSpan.FromMinutes(5);
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// A new code for the officer ("K7PM-3QXA"), valid ten minutes, once; the message carrying it is queued to
    /// <paramref name="to"/> in the same transaction, under a key that lets it be overwritten later.
    /// </summary>
    public string IssueCode(string userKey, ChatAddress to, Func<string, OutgoingMessage> message)
    {
        var code = new string([.. RandomNumberGenerator.GetItems<char>(Alphabet, 8)]);
        code = code[..4] + "-" + code[4..];
        var id = Hash(Normalize(code));
        var now = time.GetUtcNow();
        db.WriteTransaction(tx =>
        {
            ForgetExpired(tx, now);
            var outboxKey = $"weblogin:{id[..24]}";
            tx.GetCollection<WebLoginCode>(CodesCollection).Insert(new WebLoginCode
            {
                Id = id, UserKey = userKey, ExpiresAt = now + CodeLifetime, Epoch = roles.EpochOf(userKey), OutboxKey = outboxKey,
            });
            Outbox.AddNew(tx, [OutboxMessage.Create(outboxKey, to, message(code), now)]);
            return true;
        });
        return code;
    }

    /// <summary>Trades a valid code for a session token (the cookie's value); null when the code is wrong, used or late.</summary>
    public string? Redeem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var now = time.GetUtcNow();
        return db.WriteTransaction(tx =>
        {
            var codes = tx.GetCollection<WebLoginCode>(CodesCollection);
            var found = codes.FindById(Hash(Normalize(code)));
            if (found is null)
            {
                return null;
            }

            codes.Delete(found.Id);
            var late = found.ExpiresAt < now;
            Overwrite(tx, found.OutboxKey, late ? ExpiredCodeText : UsedCodeText);
            if (late || found.Epoch != roles.EpochOf(found.UserKey) || !roles.Has(ChannelOf(found.UserKey), IdOf(found.UserKey), UserRole.Officer))
            {
                return null;
            }

            AuditLog.Add(tx, now, found.UserKey, "web.login", "officer page");
            return Open(tx, found.UserKey, shared: false, now);
        });
    }

    /// <summary>
    /// The officer behind a session cookie, if the session is current, they still hold the officer role under the same epoch
    /// and, for a personal account, it is not disabled and its first password was changed (the API and the dashboard need that).
    /// </summary>
    public string? UserOf(string? sessionToken) => SessionOf(sessionToken) is { MustChangePassword: false } session ? session.UserKey : null;

    /// <summary>
    /// The officer behind a session cookie, as <see cref="UserOf"/>, but also while a personal account still has to change its
    /// first password (the console lets such a session open the change-password page only).
    /// </summary>
    public SessionUser? SessionOf(string? sessionToken)
    {
        if (string.IsNullOrEmpty(sessionToken))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var session = db.Collection<WebSession>(SessionsCollection).FindById(Hash(sessionToken));
        if (session is null || session.ExpiresAt <= now)
        {
            return null;
        }

        if (!session.Shared && (session.Epoch != roles.EpochOf(session.UserKey) || !roles.Has(ChannelOf(session.UserKey), IdOf(session.UserKey), UserRole.Officer)))
        {
            return null;
        }

        var mustChange = false;
        if (!session.Shared && session.UserKey.StartsWith(OfficerAccounts.KeyPrefix, StringComparison.Ordinal))
        {
            var account = db.Collection<OfficerAccount>(OfficerAccounts.CollectionName).FindById(session.UserKey[OfficerAccounts.KeyPrefix.Length..]);
            if (account is null || account.Disabled)
            {
                return null;
            }

            mustChange = account.MustChangePassword;
        }

        if (now - session.ExtendedAt >= ExtendEvery)
        {
            db.Write(tx =>
            {
                session.ExpiresAt = now + SessionLifetime;
                session.ExtendedAt = now;
                tx.GetCollection<WebSession>(SessionsCollection).Update(session);
            });
        }

        return new SessionUser(session.UserKey, mustChange);
    }

    /// <summary>Logs a session out; false when there was none.</summary>
    public bool Close(string? sessionToken) =>
        !string.IsNullOrEmpty(sessionToken) && db.Write(tx => tx.GetCollection<WebSession>(SessionsCollection).Delete(Hash(sessionToken)));

    /// <summary>Drops late codes (overwriting their messages) and late sessions; returns how many codes.</summary>
    public int ForgetExpired() => db.WriteTransaction(tx => ForgetExpired(tx, time.GetUtcNow()));

    private static int ForgetExpired(LiteDatabase tx, DateTimeOffset now)
    {
        var codes = tx.GetCollection<WebLoginCode>(CodesCollection);
        var late = codes.Find(c => c.ExpiresAt < now).ToList();
        foreach (var code in late)
        {
            Overwrite(tx, code.OutboxKey, ExpiredCodeText);
            codes.Delete(code.Id);
        }

        tx.GetCollection<WebSession>(SessionsCollection).DeleteMany(s => s.ExpiresAt < now);
        return late.Count;
    }

    internal string Open(LiteDatabase tx, string userKey, bool shared, DateTimeOffset now)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        tx.GetCollection<WebSession>(SessionsCollection).Insert(new WebSession
        {
            Id = Hash(token), UserKey = userKey, ExpiresAt = now + SessionLifetime, ExtendedAt = now, Shared = shared,
            Epoch = shared ? 0 : roles.EpochOf(userKey),
        });
        return token;
    }

    /// <summary>The code's message keeps no code once the code is spent.</summary>
    private static void Overwrite(LiteDatabase tx, string outboxKey, string text)
    {
        var outbox = tx.GetCollection<OutboxMessage>(Outbox.CollectionName);
        if (outboxKey.Length > 0 && outbox.FindOne(m => m.Key == outboxKey) is { } message)
        {
            message.Text = text;
            outbox.Update(message);
        }
    }

    private static string ChannelOf(string userKey) => userKey.Split(':', 2)[0];

    private static string IdOf(string userKey) => userKey.Split(':', 2)[1];

    private static string Normalize(string code) => code.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Keyed (HMAC under the identity key): a 40-bit login code read from the data file cannot be found by trying them all.</summary>
    private string Hash(string value) => seal.Hash("web-login:" + value);
}
