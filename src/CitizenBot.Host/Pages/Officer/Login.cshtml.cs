using CitizenBot.Core.Roles;
using CitizenBot.Host.Officer;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer;

/// <summary>
/// The way in: a personal account (name and password) or a one-time code from the bot in Telegram. Wrong attempts count per
/// client address (<see cref="LoginThrottle"/>); the session is a random cookie, stored keyed-hashed, ended by "Đăng xuất".
/// </summary>
public sealed class LoginModel(WebLogins logins, OfficerAccounts accounts, LoginThrottle throttle) : PageModel
{
    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "out")]
    public bool LoggedOut { get; set; }

    public IActionResult OnGet() => User.IsAtLeast(UserRole.Officer) ? Back() : Page();

    public IActionResult OnPostPassword()
    {
        // The password is never sent back to the browser, right or wrong.
        ModelState.Remove(nameof(Password));
        if (Blocked())
        {
            ModelState.AddModelError(nameof(Password), TooManyText);
            Password = null;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Login) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Xin gõ tên đăng nhập và mật khẩu.");
            Password = null;
            return Page();
        }

        var outcome = accounts.SignIn(Login, Password, logins);
        Password = null;
        if (outcome.Session is null)
        {
            throttle.Fail(LoginThrottle.AddressOf(HttpContext));
            ModelState.AddModelError(nameof(Password), outcome.Error!);
            return Page();
        }

        Response.Cookies.Append(OfficerToken.SessionCookieName, outcome.Session, OfficerEndpoints.SessionCookie(HttpContext));
        if (outcome.MustChangePassword)
        {
            return LocalRedirect(OfficerConsole.FirstPasswordFilter.ChangePasswordPath + "?returnUrl=" + Uri.EscapeDataString(Back().Url));
        }

        return Back();
    }

    /// <summary>Too many wrong logins from this address, in words for a person with a password.</summary>
    public const string TooManyText = "Đã đăng nhập sai quá nhiều lần từ máy này. Xin đợi 15 phút rồi thử lại, hoặc nhờ quản trị đặt lại mật khẩu.";

    public IActionResult OnPostCode()
    {
        if (Blocked())
        {
            ModelState.AddModelError(nameof(Code), LoginThrottle.TooManyText);
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Xin gõ mã nhận được từ bot.");
            return Page();
        }

        var session = logins.Redeem(Code);
        if (session is null)
        {
            throttle.Fail(LoginThrottle.AddressOf(HttpContext));
            ModelState.AddModelError(nameof(Code), "Mã không đúng, đã dùng hoặc đã hết hạn. Xin nhắn /dangnhapweb để nhận mã mới.");
            return Page();
        }

        return SignedIn(session);
    }

    /// <summary>Sets the session cookie and goes back to the page first asked for (only a page of this site).</summary>
    internal IActionResult SignedIn(string session)
    {
        Response.Cookies.Append(OfficerToken.SessionCookieName, session, OfficerEndpoints.SessionCookie(HttpContext));
        return Back();
    }

    internal bool Blocked() => throttle.IsBlocked(LoginThrottle.AddressOf(HttpContext));

    private LocalRedirectResult Back() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/officer/login", StringComparison.OrdinalIgnoreCase)
            ? LocalRedirect(ReturnUrl)
            : LocalRedirect("/officer");
}
