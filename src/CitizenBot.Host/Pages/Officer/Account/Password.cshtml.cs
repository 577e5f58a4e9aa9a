using CitizenBot.Core.Roles;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Account;

/// <summary>
/// Changing one's own password: the current one, the new one twice. After a first password (made by an admin or the CLI) every
/// console page comes here until this is done; then back to the page first asked for.
/// </summary>
public sealed class PasswordModel(OfficerAccounts accounts) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Repeat { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool First => User.MustChangePassword();

    public bool NoAccount => User.AccountLogin() is null;

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (NoAccount)
        {
            return Page();
        }

        var outcome = accounts.ChangePassword(User.AccountLogin(), Current, New, Repeat);
        // Passwords are never sent back to the browser.
        Current = New = Repeat = null;
        foreach (var key in new[] { nameof(Current), nameof(New), nameof(Repeat) })
        {
            ModelState.Remove(key);
        }

        if (!outcome.Ok)
        {
            var field = outcome.Field switch
            {
                "new" => nameof(New),
                "repeat" => nameof(Repeat),
                _ => nameof(Current),
            };
            ModelState.AddModelError(field, outcome.Error!);
            return Page();
        }

        TempData["Message"] = "Đã đổi mật khẩu. Lần sau xin đăng nhập bằng mật khẩu mới.";
        return !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/officer/login", StringComparison.OrdinalIgnoreCase)
            && !ReturnUrl.StartsWith("/officer/account/password", StringComparison.OrdinalIgnoreCase)
            ? LocalRedirect(ReturnUrl)
            : LocalRedirect("/officer/account");
    }
}
