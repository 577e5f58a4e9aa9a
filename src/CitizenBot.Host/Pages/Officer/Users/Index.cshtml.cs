using System.Globalization;
using CitizenBot.Core.Roles;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Users;

/// <summary>
/// Admins manage who may use the console: personal accounts (create, role, reset password, unlock, stop and restart) and the roles
/// of Telegram users. Every change is audited under the admin. Every change answers with a redirect (a reload sends nothing again);
/// a first password waits in <see cref="FirstPasswordHandover"/> for the page after it, shown once (not in a URL, a cookie or the log).
/// </summary>
[Authorize(Policy = ConsolePolicies.Admin)]
public sealed class IndexModel(OfficerAccounts accounts, UserRoles roles, FirstPasswordHandover handover) : PageModel
{
    public static readonly UserRole[] Roles = [UserRole.Officer, UserRole.Leader, UserRole.Admin];

    [TempData]
    public string? Message { get; set; }

    /// <summary>Set only in the answer to a create or reset: the login and the first password to hand over.</summary>
    public (string Login, string Password)? FirstPassword { get; private set; }

    [BindProperty]
    public NewAccount Create { get; set; } = new();

    [BindProperty]
    public NewTelegramRole Telegram { get; set; } = new();

    public List<AccountView> Accounts { get; private set; } = [];

    public List<RoleGrant> TelegramGrants { get; private set; } = [];

    public string Name(string actor) => accounts.DisplayNameOf(actor);

    public bool IsConfiguredAdmin(string key) => roles.IsConfiguredAdmin(key);

    public void OnGet()
    {
        FirstPassword = handover.Take(User.Actor());
        Load();
    }

    public IActionResult OnPostCreate()
    {
        ModelState.Clear();
        var outcome = RoleNames.Parse(Create.Role) is { } role and >= UserRole.Officer
            ? accounts.Create(Create.Login, Create.DisplayName, role, User.Actor())
            : AccountOutcome.Fail("role", "Xin chọn vai trò: cán bộ, lãnh đạo hoặc quản trị.");
        if (!outcome.Ok)
        {
            ModelState.AddModelError(outcome.Field switch
            {
                "displayName" => "Create.DisplayName",
                "role" => "Create.Role",
                _ => "Create.Login",
            }, outcome.Error!);
            Load();
            return Page();
        }

        handover.Put(User.Actor(), OfficerAccounts.NormalizeLogin(Create.Login)!, outcome.FirstPassword!);
        return RedirectToPage();
    }

    public IActionResult OnPostReset(string login)
    {
        var outcome = accounts.ResetPassword(login, User.Actor());
        if (!outcome.Ok)
        {
            return Done(outcome, "");
        }

        handover.Put(User.Actor(), OfficerAccounts.NormalizeLogin(login)!, outcome.FirstPassword!);
        return RedirectToPage();
    }

    public IActionResult OnPostRole(string login, string? role) => RoleNames.Parse(role) is { } parsed
        ? Done(accounts.ChangeRole(login, parsed, User.Actor()), $"Đã đổi vai trò của {login} thành {RoleNames.Of(parsed)}.")
        : Done(AccountOutcome.Fail("role", "Xin chọn vai trò."), "");

    public IActionResult OnPostUnlock(string login) => Done(accounts.Unlock(login, User.Actor()), $"Đã mở khóa tài khoản {login}.");

    public IActionResult OnPostDisable(string login) => Done(accounts.SetDisabled(login, true, User.Actor()),
        $"Đã ngừng tài khoản {login}: người này không đăng nhập được nữa, phiên đang mở đã kết thúc.");

    public IActionResult OnPostEnable(string login) => Done(accounts.SetDisabled(login, false, User.Actor()), $"Tài khoản {login} hoạt động trở lại.");

    public IActionResult OnPostGrant()
    {
        ModelState.Clear();
        var id = (Telegram.UserId ?? "").Trim();
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            ModelState.AddModelError("Telegram.UserId", "Mã người dùng Telegram là một dãy chữ số (ví dụ 123456789).");
        }

        if (RoleNames.Parse(Telegram.Role) is not ({ } role and >= UserRole.Officer))
        {
            ModelState.AddModelError("Telegram.Role", "Xin chọn vai trò: cán bộ, lãnh đạo hoặc quản trị.");
            role = UserRole.Citizen;
        }

        var key = UserRoles.UserKey("telegram", number.ToString(CultureInfo.InvariantCulture));
        if (ModelState.IsValid && roles.IsConfiguredAdmin(key))
        {
            ModelState.AddModelError("Telegram.UserId", "Người này là quản trị trong cấu hình (Telegram:AdminUserIds); vai trò không đổi ở đây được.");
        }

        if (!ModelState.IsValid)
        {
            Load();
            return Page();
        }

        roles.Grant(key, role, User.Actor());
        Message = $"Đã cấp vai trò {RoleNames.Of(role)} cho người dùng Telegram {number}.";
        return RedirectToPage();
    }

    public IActionResult OnPostRevoke(string key)
    {
        if (!key.StartsWith("telegram:", StringComparison.Ordinal) || roles.IsConfiguredAdmin(key) || key == User.Actor())
        {
            Message = "Không thu hồi được vai trò này (quản trị trong cấu hình, hoặc chính ông/bà).";
            return RedirectToPage();
        }

        roles.Grant(key, UserRole.Citizen, User.Actor());
        Message = $"Đã thu hồi vai trò của người dùng Telegram {key["telegram:".Length..]}.";
        return RedirectToPage();
    }

    private RedirectToPageResult Done(AccountOutcome outcome, string done)
    {
        Message = outcome.Ok ? done : outcome.Error;
        return RedirectToPage();
    }

    private void Load()
    {
        Accounts = accounts.List();
        TelegramGrants = [.. roles.Granted().Where(g => g.Id.StartsWith("telegram:", StringComparison.Ordinal))];
    }

    public sealed class NewAccount
    {
        public string? Login { get; set; }

        public string? DisplayName { get; set; }

        public string? Role { get; set; } = "officer";
    }

    public sealed class NewTelegramRole
    {
        public string? UserId { get; set; }

        public string? Role { get; set; } = "officer";
    }
}
