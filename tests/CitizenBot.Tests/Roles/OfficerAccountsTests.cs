using CitizenBot.Core.Roles;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Roles;

/// <summary>Personal accounts: hashed passwords, the first password changed, lockout on the fake clock, sessions ended by the role epoch.</summary>
public sealed class OfficerAccountsTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private OfficerAccounts Accounts => _bot.Get<OfficerAccounts>();

    private WebLogins Logins => _bot.Get<WebLogins>();

    private string NewAccount(string login = "lan.nguyen", UserRole role = UserRole.Officer)
    {
        var created = Accounts.Create(login, "Nguyễn Thị Lan", role, BotHarness.AdminKey);
        Assert.True(created.Ok, created.Error);
        return created.FirstPassword!;
    }

    [Fact]
    public void The_password_is_stored_only_as_an_identity_hash_and_the_role_as_a_grant_under_the_account_key()
    {
        var first = NewAccount("Lan.Nguyen ");

        var account = Accounts.Find("lan.nguyen")!;
        Assert.DoesNotContain(first, account.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", account.PasswordHash, StringComparison.Ordinal); // Identity's version 3 format, base64
        Assert.True(account.MustChangePassword);
        Assert.True(first.Length >= OfficerAccounts.MinPasswordLength);
        Assert.Equal(UserRole.Officer, _bot.Get<UserRoles>().Of("account", "lan.nguyen"));
        Assert.Contains(_bot.Get<AuditLog>().Latest(5), e => e.Action == "account.create" && e.Actor == BotHarness.AdminKey && e.Subject.Contains("account:lan.nguyen", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_is_taken_once_and_bad_names_are_refused_in_vietnamese()
    {
        NewAccount();
        Assert.Contains("Đã có tài khoản", Accounts.Create("LAN.NGUYEN", null, UserRole.Officer, BotHarness.AdminKey).Error, StringComparison.Ordinal);
        Assert.Equal(OfficerAccounts.LoginRulesText, Accounts.Create("Nguyễn Lan", null, UserRole.Officer, BotHarness.AdminKey).Error);
        Assert.Equal("role", Accounts.Create("ba", null, UserRole.Citizen, BotHarness.AdminKey).Field);
    }

    [Fact]
    public void The_first_login_must_change_the_password_before_the_session_counts_for_the_api()
    {
        var first = NewAccount();

        var signIn = Accounts.SignIn("lan.nguyen", first, Logins);
        Assert.NotNull(signIn.Session);
        Assert.True(signIn.MustChangePassword);
        Assert.Null(Logins.UserOf(signIn.Session));
        Assert.Equal(new SessionUser("account:lan.nguyen", true), Logins.SessionOf(signIn.Session));

        Assert.Equal("current", Accounts.ChangePassword("lan.nguyen", "wrong-password", "hoa sen nở tháng năm", "hoa sen nở tháng năm").Field);
        Assert.Equal("new", Accounts.ChangePassword("lan.nguyen", first, "ngắn", "ngắn").Field);
        Assert.Equal("new", Accounts.ChangePassword("lan.nguyen", first, "lan.nguyen-2026", "lan.nguyen-2026").Field);
        Assert.Equal("new", Accounts.ChangePassword("lan.nguyen", first, "Nguyễn Thị Lan 1", "Nguyễn Thị Lan 1").Field);
        Assert.Equal("repeat", Accounts.ChangePassword("lan.nguyen", first, "hoa sen nở tháng năm", "hoa sen nở tháng sáu").Field);
        Assert.True(Accounts.ChangePassword("lan.nguyen", first, "hoa sen nở tháng năm", "hoa sen nở tháng năm").Ok);

        Assert.Equal("account:lan.nguyen", Logins.UserOf(signIn.Session));
        Assert.Null(Accounts.SignIn("lan.nguyen", first, Logins).Session);
        Assert.False(Accounts.SignIn("lan.nguyen", "hoa sen nở tháng năm", Logins).MustChangePassword);
    }

    [Fact]
    public void Wrong_passwords_lock_the_account_for_the_set_minutes_with_the_same_message_as_an_unknown_name()
    {
        var first = NewAccount();
        var unknown = Accounts.SignIn("no.such.person", "whatever-password", Logins);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(unknown.Error, Accounts.SignIn("lan.nguyen", "wrong-password", Logins).Error);
        }

        Assert.NotNull(Accounts.SignIn("lan.nguyen", first, Logins).Session); // four wrong, then right: counter starts again

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(Accounts.SignIn("lan.nguyen", "wrong-password", Logins).Session);
        }

        var locked = Accounts.SignIn("lan.nguyen", first, Logins);
        Assert.Null(locked.Session);
        Assert.Equal(unknown.Error, locked.Error);
        Assert.True(Accounts.List().Single().Locked);
        Assert.Contains(_bot.Get<AuditLog>().Latest(10), e => e.Action == "account.lockout");

        _bot.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Null(Accounts.SignIn("lan.nguyen", first, Logins).Session);
        _bot.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.NotNull(Accounts.SignIn("lan.nguyen", first, Logins).Session);
    }

    [Fact]
    public void An_admin_unlocks_at_once()
    {
        var first = NewAccount();
        for (var i = 0; i < 5; i++)
        {
            Accounts.SignIn("lan.nguyen", "wrong-password", Logins);
        }

        Assert.True(Accounts.Unlock("lan.nguyen", BotHarness.AdminKey).Ok);
        Assert.NotNull(Accounts.SignIn("lan.nguyen", first, Logins).Session);
    }

    [Fact]
    public void A_lowered_role_a_disabled_account_or_a_reset_password_ends_open_sessions_and_a_new_grant_does_not_revive_them()
    {
        var first = NewAccount(role: UserRole.Leader);
        Accounts.SignIn("lan.nguyen", first, Logins);
        Accounts.ChangePassword("lan.nguyen", first, "hoa sen nở tháng năm", "hoa sen nở tháng năm");
        string Open() => Accounts.SignIn("lan.nguyen", "hoa sen nở tháng năm", Logins).Session!;

        var session = Open();
        Assert.True(Accounts.ChangeRole("lan.nguyen", UserRole.Officer, BotHarness.AdminKey).Ok);
        Assert.Null(Logins.UserOf(session));
        Assert.True(Accounts.ChangeRole("lan.nguyen", UserRole.Leader, BotHarness.AdminKey).Ok);
        Assert.Null(Logins.UserOf(session));

        session = Open();
        Assert.True(Accounts.ChangeRole("lan.nguyen", UserRole.Admin, BotHarness.AdminKey).Ok); // raised: the session goes on
        Assert.Equal("account:lan.nguyen", Logins.UserOf(session));

        Assert.True(Accounts.SetDisabled("lan.nguyen", true, BotHarness.AdminKey).Ok);
        Assert.Null(Logins.UserOf(session));
        Assert.Null(Accounts.SignIn("lan.nguyen", "hoa sen nở tháng năm", Logins).Session);
        Assert.True(Accounts.SetDisabled("lan.nguyen", false, BotHarness.AdminKey).Ok);
        Assert.Null(Logins.UserOf(session));

        session = Open();
        var reset = Accounts.ResetPassword("lan.nguyen", BotHarness.AdminKey);
        Assert.Null(Logins.UserOf(session));
        Assert.Null(Accounts.SignIn("lan.nguyen", "hoa sen nở tháng năm", Logins).Session);
        Assert.True(Accounts.SignIn("lan.nguyen", reset.FirstPassword, Logins).MustChangePassword);
    }

    [Fact]
    public void An_admin_cannot_lock_themselves_out()
    {
        NewAccount("quan.tri", UserRole.Admin);
        Assert.False(Accounts.SetDisabled("quan.tri", true, "account:quan.tri").Ok);
        Assert.False(Accounts.ChangeRole("quan.tri", UserRole.Officer, "account:quan.tri").Ok);
        Assert.Equal(UserRole.Admin, _bot.Get<UserRoles>().Of("account:quan.tri"));
    }

    [Fact]
    public void The_console_shows_a_persons_name_for_their_actor_key()
    {
        NewAccount();
        Assert.Equal("Nguyễn Thị Lan", Accounts.DisplayNameOf("account:lan.nguyen"));
        Assert.Equal("Telegram 123", Accounts.DisplayNameOf("telegram:123"));
        Assert.Equal("Mã truy cập chung", Accounts.DisplayNameOf("web:officer"));
    }
}
