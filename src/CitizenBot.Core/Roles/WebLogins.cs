using System.Security.Cryptography;
using System.Text;
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
}

/// <summary>A logged-in officer on the web, by the SHA-256 of their session cookie.</summary>
public sealed class WebSession
{
    [BsonId]
    public string Id { get; set; } = "";

    public string UserKey { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// Per-officer web login: an officer asks the bot for a one-time code (/dangnhapweb), types it on the officer page,
/// and gets a session of their own; every request re-checks their role, so a revoked officer is out at once,
/// and their web actions are audited under their own name.
/// </summary>
public sealed class WebLogins(CitizenDatabase db, UserRoles roles, TimeProvider time)
{
    public const string CodesCollection = "web_login_codes";
    public const string SessionsCollection = "web_sessions";
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A new code for the officer ("K7PM-3QXA"), valid ten minutes, once.</summary>
    public string IssueCode(string userKey)
    {
        var code = new string([.. RandomNumberGenerator.GetItems<char>(Alphabet, 8)]);
        code = code[..4] + "-" + code[4..];
        db.Write(_ =>
        {
            var col = db.Collection<WebLoginCode>(CodesCollection);
            col.DeleteMany(c => c.ExpiresAt < time.GetUtcNow());
            col.Insert(new WebLoginCode { Id = Hash(Normalize(code)), UserKey = userKey, ExpiresAt = time.GetUtcNow() + CodeLifetime });
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

        return db.WriteTransaction(tx =>
        {
            var codes = tx.GetCollection<WebLoginCode>(CodesCollection);
            var found = codes.FindById(Hash(Normalize(code)));
            if (found is null)
            {
                return null;
            }

            codes.Delete(found.Id);
            if (found.ExpiresAt < time.GetUtcNow() || !roles.Has(ChannelOf(found.UserKey), IdOf(found.UserKey), UserRole.Officer))
            {
                return null;
            }

            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
            tx.GetCollection<WebSession>(SessionsCollection).Insert(new WebSession { Id = Hash(token), UserKey = found.UserKey, ExpiresAt = time.GetUtcNow() + SessionLifetime });
            AuditLog.Add(tx, time.GetUtcNow(), found.UserKey, "web.login", "officer page");
            return token;
        });
    }

    /// <summary>The officer behind a session cookie, if the session is current and they still hold the officer role.</summary>
    public string? UserOf(string? sessionToken)
    {
        if (string.IsNullOrEmpty(sessionToken))
        {
            return null;
        }

        var session = db.Collection<WebSession>(SessionsCollection).FindById(Hash(sessionToken));
        return session is not null && session.ExpiresAt > time.GetUtcNow() && roles.Has(ChannelOf(session.UserKey), IdOf(session.UserKey), UserRole.Officer)
            ? session.UserKey
            : null;
    }

    private static string ChannelOf(string userKey) => userKey.Split(':', 2)[0];

    private static string IdOf(string userKey) => userKey.Split(':', 2)[1];

    private static string Normalize(string code) => code.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
