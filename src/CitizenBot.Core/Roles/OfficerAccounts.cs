using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CitizenBot.Core.Storage;
using LiteDB;
using Microsoft.AspNetCore.Identity;

namespace CitizenBot.Core.Roles;

/// <summary>An officer's personal account for the web console: a login name, a name to show, a hashed password and its lockout.</summary>
public sealed class OfficerAccount
{
    /// <summary>The login name, lower case ("lan.nguyen"); the actor key is "account:" + this.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>ASP.NET Core Identity's PBKDF2 hash (version, salt and iterations inside): the password itself is never stored.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>A first password (made by an admin or the CLI) must be changed before any other page opens.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Wrong passwords in a row since the last good login or lockout.</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? LastLoginAt { get; set; }
}

/// <summary>How many wrong passwords in a row lock an account, and for how long (Officer:LockoutFailures, Officer:LockoutMinutes).</summary>
public sealed record AccountLockoutPolicy(int Failures = 5, int Minutes = 15)
{
    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);
}

/// <summary>What an account change came to: an error in Vietnamese (and the form field it belongs to), or done, with a first password to show once.</summary>
public sealed record AccountOutcome(string? Error = null, string? Field = null, string? FirstPassword = null)
{
    public bool Ok => Error is null;

    public static AccountOutcome Fail(string field, string error) => new(error, field);
}

/// <summary>A login with name and password: the session token, or the one Vietnamese error that says nothing of whether the name exists.</summary>
public sealed record SignInOutcome(string? Session, bool MustChangePassword, string? Error);

/// <summary>An account as the users page lists it.</summary>
public sealed record AccountView(OfficerAccount Account, UserRole Role, bool Locked);

/// <summary>
/// Officers' personal accounts. The role is a <see cref="RoleGrant"/> under "account:&lt;login&gt;" in the roles collection, so a role
/// lowered or revoked ends the person's sessions at once by the role epoch, exactly as for Telegram users; disabling an account or
/// resetting its password moves the epoch on too. Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>;
/// a number of wrong passwords in a row locks the account for a while. Every change is audited under the person who made it.
/// </summary>
public sealed partial class OfficerAccounts(CitizenDatabase db, UserRoles roles, TimeProvider time, AccountLockoutPolicy lockout)
{
    public const string CollectionName = "officer_accounts";
    public const string KeyPrefix = "account:";
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    public const string NoSuchAccountText = "Không có tài khoản này.";

    /// <summary>The one answer to a failed login: it never tells whether the name exists, is locked or is disabled.</summary>
    public static string WrongLoginText(AccountLockoutPolicy lockout) =>
        $"Tên đăng nhập hoặc mật khẩu không đúng. Sau {lockout.Failures} lần nhập sai liên tiếp, tài khoản bị tạm khóa {lockout.Minutes} phút; "
        + "nếu quên mật khẩu, xin nhờ quản trị đặt lại.";

    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private static readonly PasswordHasher<OfficerAccount> Hasher = new();

    /// <summary>Checked against when the name does not exist, so a wrong name takes as long as a wrong password.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(new OfficerAccount(), "dummy-password-never-used");

    public static string KeyOf(string login) => KeyPrefix + login;

    /// <summary>"Lan.Nguyen " → "lan.nguyen"; null when it is not a valid login name.</summary>
    public static string? NormalizeLogin(string? login)
    {
        var normalized = (login ?? "").Trim().ToLowerInvariant();
        return LoginPattern().IsMatch(normalized) ? normalized : null;
    }

    public const string LoginRulesText = "Tên đăng nhập gồm 2–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, ví dụ: lan.nguyen.";

    public OfficerAccount? Find(string? login) => NormalizeLogin(login) is { } id ? Accounts().FindById(id) : null;

    public List<AccountView> List()
    {
        var now = time.GetUtcNow();
        return [.. Accounts().FindAll().OrderBy(a => a.Id).Select(a => new AccountView(a, roles.Of(KeyOf(a.Id)), a.LockedUntil > now))];
    }

    /// <summary>The actor of what the demo commune seeds (its guide entries): shown as sample data an officer must check, not as a person.</summary>
    public const string DemoActor = "demo";

    /// <summary>The name the console shows for an actor key ("telegram:123", "account:lan", "web:officer").</summary>
    public string DisplayNameOf(string actor)
    {
        if (actor.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return Accounts().FindById(actor[KeyPrefix.Length..]) is { } account ? account.DisplayName : actor[KeyPrefix.Length..];
        }

        return actor switch
        {
            _ when actor.StartsWith("telegram:", StringComparison.Ordinal) => $"Telegram {actor["telegram:".Length..]}",
            "web:officer" => "Mã truy cập chung",
            "cli" => "Dòng lệnh trên máy chủ",
            "citizen" => "Công dân",
            DemoActor => "Dữ liệu mẫu (cán bộ cần kiểm tra lại)",
            _ => actor,
        };
    }

    /// <summary>A new account with a role and a first password (returned once, to be changed at the first login).</summary>
    public AccountOutcome Create(string? login, string? displayName, UserRole role, string actor)
    {
        if (NormalizeLogin(login) is not { } id)
        {
            return AccountOutcome.Fail("login", LoginRulesText);
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? id : displayName.Trim();
        if (name.Length > 80)
        {
            return AccountOutcome.Fail("displayName", "Họ tên dài quá 80 ký tự.");
        }

        if (role < UserRole.Officer)
        {
            return AccountOutcome.Fail("role", "Xin chọn vai trò: cán bộ, lãnh đạo hoặc quản trị.");
        }

        var password = NewPassword();
        var account = new OfficerAccount { Id = id, DisplayName = name, MustChangePassword = true, CreatedAt = time.GetUtcNow(), CreatedBy = actor };
        account.PasswordHash = Hasher.HashPassword(account, password);
        return db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<OfficerAccount>(CollectionName);
            if (col.FindById(id) is not null)
            {
                return AccountOutcome.Fail("login", $"Đã có tài khoản tên \"{id}\". Xin chọn tên khác.");
            }

            var now = time.GetUtcNow();
            col.Insert(account);
            // A name used before (deleted from the file by hand) starts with no old sessions alive.
            UserRoles.EndSessions(tx, KeyOf(id));
            UserRoles.Grant(tx, KeyOf(id), role, actor, now);
            AuditLog.Add(tx, now, actor, "account.create", $"{KeyOf(id)} {role}");
            return new AccountOutcome(FirstPassword: password);
        });
    }

    /// <summary>
    /// Name and password for a session (opened by <paramref name="logins"/> in the same transaction as the audit entry); counts
    /// wrong passwords and locks the account after too many in a row.
    /// </summary>
    public SignInOutcome SignIn(string? login, string? password, WebLogins logins)
    {
        var wrong = new SignInOutcome(null, false, WrongLoginText(lockout));
        var id = NormalizeLogin(login);
        var account = id is null ? null : Accounts().FindById(id);
        if (account is null || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
        {
            Hasher.VerifyHashedPassword(new OfficerAccount(), DummyHash, password ?? "");
            return wrong;
        }

        var now = time.GetUtcNow();
        if (account.LockedUntil > now)
        {
            return wrong;
        }

        var verified = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        return db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<OfficerAccount>(CollectionName);
            var current = col.FindById(account.Id);
            if (current is null || current.LockedUntil > now || current.PasswordHash != account.PasswordHash)
            {
                return wrong;
            }

            var key = KeyOf(current.Id);
            if (verified == PasswordVerificationResult.Failed)
            {
                current.FailedAttempts++;
                if (current.FailedAttempts >= lockout.Failures)
                {
                    current.FailedAttempts = 0;
                    current.LockedUntil = now + lockout.Duration;
                    AuditLog.Add(tx, now, key, "account.lockout", key);
                }

                col.Update(current);
                return wrong;
            }

            if (current.Disabled || roles.Of(key) < UserRole.Officer)
            {
                return wrong;
            }

            current.FailedAttempts = 0;
            current.LockedUntil = null;
            current.LastLoginAt = now;
            if (verified == PasswordVerificationResult.SuccessRehashNeeded)
            {
                current.PasswordHash = Hasher.HashPassword(current, password);
            }

            col.Update(current);
            AuditLog.Add(tx, now, key, "web.login", "officer page (password)");
            return new SignInOutcome(logins.Open(tx, key, shared: false, now), current.MustChangePassword, null);
        });
    }

    /// <summary>The person changes their own password (the first one, or any later); their sessions stay open.</summary>
    public AccountOutcome ChangePassword(string? login, string? currentPassword, string? newPassword, string? repeated)
    {
        if (Find(login) is not { } account)
        {
            return AccountOutcome.Fail("current", "Tài khoản không còn tồn tại.");
        }

        if (string.IsNullOrEmpty(currentPassword) || currentPassword.Length > MaxPasswordLength
            || Hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return AccountOutcome.Fail("current", "Mật khẩu hiện tại không đúng.");
        }

        if (PasswordProblem(account, newPassword) is { } problem)
        {
            return AccountOutcome.Fail("new", problem);
        }

        if (newPassword == currentPassword)
        {
            return AccountOutcome.Fail("new", "Mật khẩu mới phải khác mật khẩu hiện tại.");
        }

        if (newPassword != repeated)
        {
            return AccountOutcome.Fail("repeat", "Hai lần nhập mật khẩu mới không giống nhau.");
        }

        var hash = Hasher.HashPassword(account, newPassword!);
        return Change(account.Id, KeyOf(account.Id), "account.password", a =>
        {
            a.PasswordHash = hash;
            a.MustChangePassword = false;
            return null;
        });
    }

    /// <summary>Why a new password is not acceptable, in Vietnamese; null when it is.</summary>
    public static string? PasswordProblem(OfficerAccount account, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            return $"Mật khẩu cần ít nhất {MinPasswordLength} ký tự.";
        }

        if (password.Length > MaxPasswordLength)
        {
            return $"Mật khẩu dài quá {MaxPasswordLength} ký tự.";
        }

        var plain = Commune.TextMatching.Words(password).Replace(" ", "", StringComparison.Ordinal);
        var login = account.Id.Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        var name = Commune.TextMatching.Words(account.DisplayName).Replace(" ", "", StringComparison.Ordinal);
        if (plain.Contains(login, StringComparison.Ordinal) || password.Contains(account.Id, StringComparison.OrdinalIgnoreCase)
            || (name.Length >= 3 && plain.Contains(name, StringComparison.Ordinal)))
        {
            return "Mật khẩu không được chứa tên đăng nhập hay họ tên của ông/bà.";
        }

        if (password.Distinct().Count() < 4)
        {
            return "Mật khẩu quá dễ đoán (lặp lại vài ký tự). Xin chọn mật khẩu khác.";
        }

        return null;
    }

    /// <summary>An admin gives the account a new first password (shown once); its sessions end and its lockout is lifted.</summary>
    public AccountOutcome ResetPassword(string? login, string actor)
    {
        var password = NewPassword();
        var hash = Hasher.HashPassword(new OfficerAccount(), password);
        var outcome = Change(login, actor, "account.reset", a =>
        {
            a.PasswordHash = hash;
            a.MustChangePassword = true;
            a.FailedAttempts = 0;
            a.LockedUntil = null;
            return null;
        }, endSessions: true);
        return outcome.Ok ? outcome with { FirstPassword = password } : outcome;
    }

    public AccountOutcome Unlock(string? login, string actor) => Change(login, actor, "account.unlock", a =>
    {
        a.FailedAttempts = 0;
        a.LockedUntil = null;
        return null;
    });

    /// <summary>Disabled: no login, and its open sessions end at their next click. Enabled again: old sessions stay ended.</summary>
    public AccountOutcome SetDisabled(string? login, bool disabled, string actor) => Change(login, actor, disabled ? "account.disable" : "account.enable", a =>
    {
        if (disabled && KeyOf(a.Id) == actor)
        {
            return "Ông/bà không thể tự khóa tài khoản của mình.";
        }

        a.Disabled = disabled;
        return null;
    }, endSessions: disabled);

    /// <summary>A new role for the account; a lower one ends its sessions (the role epoch).</summary>
    public AccountOutcome ChangeRole(string? login, UserRole role, string actor)
    {
        if (role < UserRole.Officer)
        {
            return AccountOutcome.Fail("role", "Xin chọn vai trò: cán bộ, lãnh đạo hoặc quản trị. Muốn thôi cho dùng, xin khóa tài khoản.");
        }

        if (Find(login) is not { } account)
        {
            return AccountOutcome.Fail("login", NoSuchAccountText);
        }

        var key = KeyOf(account.Id);
        if (key == actor && role < roles.Of(key))
        {
            return AccountOutcome.Fail("role", "Ông/bà không thể tự hạ quyền của mình; xin nhờ một quản trị khác.");
        }

        db.WriteTransaction(tx => UserRoles.Grant(tx, key, role, actor, time.GetUtcNow()));
        return new AccountOutcome();
    }

    private AccountOutcome Change(string? login, string actor, string action, Func<OfficerAccount, string?> change, bool endSessions = false)
    {
        if (NormalizeLogin(login) is not { } id)
        {
            return AccountOutcome.Fail("login", NoSuchAccountText);
        }

        return db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<OfficerAccount>(CollectionName);
            if (col.FindById(id) is not { } account)
            {
                return AccountOutcome.Fail("login", NoSuchAccountText);
            }

            if (change(account) is { } refused)
            {
                return AccountOutcome.Fail("login", refused);
            }

            col.Update(account);
            if (endSessions)
            {
                UserRoles.EndSessions(tx, KeyOf(id));
            }

            AuditLog.Add(tx, time.GetUtcNow(), actor, action, KeyOf(id));
            return new AccountOutcome();
        });
    }

    /// <summary>A first password easy to read out and type: "k7pm-3qxa-w2rt" (60 bits), changed at the first login anyway.</summary>
    private static string NewPassword()
    {
        var chars = RandomNumberGenerator.GetItems<char>(PasswordAlphabet, 12);
        return $"{new string(chars[..4])}-{new string(chars[4..8])}-{new string(chars[8..])}";
    }

    private ILiteCollection<OfficerAccount> Accounts() => db.Collection<OfficerAccount>(CollectionName);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,31}$")]
    private static partial Regex LoginPattern();
}
