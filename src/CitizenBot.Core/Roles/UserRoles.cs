using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Roles;

/// <summary>
/// Roles per channel user. Admins come from configuration and cannot be revoked by command; every other
/// role is granted by an admin and stored, and every grant or revocation is written to the audit log.
/// </summary>
public sealed class UserRoles
{
    public const string CollectionName = "roles";
    public const string EpochsCollection = "role_epochs";
    private readonly CitizenDatabase _db;
    private readonly HashSet<string> _admins;
    private readonly TimeProvider _time;
    private readonly Messaging.ChatAddress? _officersChat;

    public UserRoles(CitizenDatabase db, RoleOptions options, TimeProvider time)
    {
        _db = db;
        _admins = [.. options.AdminUserKeys];
        _time = time;
        _officersChat = options.OfficersChat;
    }

    public static string UserKey(string channel, string userId) => $"{channel}:{userId}";

    /// <summary>The role of a channel user; a user the channel does not identify is a citizen.</summary>
    public UserRole Of(string channel, string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return UserRole.Citizen;
        }

        var key = UserKey(channel, userId);
        if (_admins.Contains(key))
        {
            return UserRole.Admin;
        }

        return _db.Collection<RoleGrant>(CollectionName).FindById(key)?.Role ?? UserRole.Citizen;
    }

    public bool Has(string channel, string? userId, UserRole needed) => Of(channel, userId) >= needed;

    public void Grant(string userKey, UserRole role, string grantedBy) => _db.WriteTransaction(tx => Grant(tx, userKey, role, grantedBy, _time.GetUtcNow()));

    /// <summary>Grants or revokes inside the caller's transaction (an account made together with its role), audited under <paramref name="grantedBy"/>.</summary>
    public static void Grant(LiteDB.LiteDatabase tx, string userKey, UserRole role, string grantedBy, DateTimeOffset now)
    {
        var col = tx.GetCollection<RoleGrant>(CollectionName);
        if (role < (col.FindById(userKey)?.Role ?? UserRole.Citizen))
        {
            // Lowered or revoked: every web session and login code issued before is void from now on, even after a new grant.
            EndSessions(tx, userKey);
        }

        if (role == UserRole.Citizen)
        {
            col.Delete(userKey);
        }
        else
        {
            col.Upsert(new RoleGrant { Id = userKey, Role = role, GrantedBy = grantedBy, GrantedAt = now });
        }

        AuditLog.Add(tx, now, grantedBy, role == UserRole.Citizen ? "role.revoke" : "role.grant", $"{userKey} {role}");
    }

    /// <summary>Moves the user's role epoch on: every web session and login code they hold is void from now on.</summary>
    public static void EndSessions(LiteDB.LiteDatabase tx, string userKey)
    {
        var epochs = tx.GetCollection<RoleEpoch>(EpochsCollection);
        var epoch = epochs.FindById(userKey) ?? new RoleEpoch { Id = userKey };
        epoch.Epoch++;
        epochs.Upsert(epoch);
    }

    /// <summary>The stored role of a user key (configured admins included).</summary>
    public UserRole Of(string userKey) => userKey.Split(':', 2) is [var channel, var id] ? Of(channel, id) : UserRole.Citizen;

    /// <summary>The user's role epoch: it grows each time their role is lowered or revoked.</summary>
    public int EpochOf(string userKey) => _db.Collection<RoleEpoch>(EpochsCollection).FindById(userKey)?.Epoch ?? 0;

    /// <summary>True for the configured officers' group, the one group where personal data may be shown.</summary>
    public bool IsOfficersChat(Messaging.ChatAddress address) => _officersChat is { } chat && chat.Key == address.Key;

    public bool IsConfiguredAdmin(string userKey) => _admins.Contains(userKey);

    public List<RoleGrant> Granted() => [.. _db.Collection<RoleGrant>(CollectionName).FindAll().OrderBy(g => g.Id)];
}
