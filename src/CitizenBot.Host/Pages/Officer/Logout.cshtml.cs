using CitizenBot.Core.Roles;
using CitizenBot.Host.Officer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer;

/// <summary>"Đăng xuất": the session is deleted on the server, the cookie in the browser.</summary>
public sealed class LogoutModel(WebLogins logins) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/officer");

    public IActionResult OnPost()
    {
        logins.Close(Request.Cookies[OfficerToken.SessionCookieName]);
        Response.Cookies.Delete(OfficerToken.SessionCookieName, OfficerEndpoints.SessionCookie(HttpContext));
        return LocalRedirect("/officer/login?out=true");
    }
}
