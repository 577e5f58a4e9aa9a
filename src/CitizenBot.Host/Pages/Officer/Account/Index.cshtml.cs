using CitizenBot.Core.Roles;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Account;

/// <summary>Who is logged in: name, role, login name and last login; the way to change one's password.</summary>
public sealed class IndexModel(OfficerAccounts accounts) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public OfficerAccount? Account { get; private set; }

    public void OnGet() => Account = accounts.Find(User.AccountLogin());
}
