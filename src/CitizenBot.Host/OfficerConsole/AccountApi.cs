using CitizenBot.Core.Roles;
using CitizenBot.Host.Officer;

namespace CitizenBot.Host.OfficerConsole;

/// <summary>
/// Personal accounts over the officer API, for the <c>officers</c> CLI command while the bot holds the data folder (the shared token
/// in a header, read from the data folder) and for admins' scripts. Under /officer/api, so the API's own login check runs first;
/// these answers are for admins only. Errors are Vietnamese, in <c>{"error": ...}</c>.
/// </summary>
public static class AccountApi
{
    public sealed record NewAccountRequest(string? Login, string? DisplayName, string? Role);

    public static WebApplication MapAccountApi(this WebApplication app)
    {
        var accounts = app.MapGroup("/officer/api/accounts").AddEndpointFilter(async (context, next) =>
            ConsoleAuthentication.IsAdmin(context.HttpContext)
                ? await next(context)
                : Results.Json(new { error = "Chỉ quản trị được quản lý tài khoản." }, statusCode: StatusCodes.Status403Forbidden));
        accounts.MapGet("", (OfficerAccounts book) => Results.Ok(book.List().Select(v => new
        {
            login = v.Account.Id, displayName = v.Account.DisplayName, role = v.Role.ToString(), roleName = RoleNames.Of(v.Role),
            lastLoginAt = v.Account.LastLoginAt, locked = v.Locked, lockedUntil = v.Locked ? v.Account.LockedUntil : null,
            disabled = v.Account.Disabled, mustChangePassword = v.Account.MustChangePassword,
        })));
        accounts.MapPost("", (NewAccountRequest request, OfficerAccounts book, HttpContext http) =>
        {
            if (RoleNames.Parse(request.Role) is not ({ } role and >= UserRole.Officer))
            {
                return Results.BadRequest(new { error = $"Vai trò \"{request.Role}\" không hợp lệ: canbo, lanhdao hoặc quantri (officer, leader, admin)." });
            }

            var outcome = book.Create(request.Login, request.DisplayName, role, Actor(http));
            return outcome.Ok
                ? Results.Ok(new { login = OfficerAccounts.NormalizeLogin(request.Login), password = outcome.FirstPassword })
                : Results.BadRequest(new { error = outcome.Error });
        });
        accounts.MapPost("/{login}/reset", (string login, OfficerAccounts book, HttpContext http) =>
        {
            var outcome = book.ResetPassword(login, Actor(http));
            return outcome.Ok ? Results.Ok(new { login = OfficerAccounts.NormalizeLogin(login), password = outcome.FirstPassword }) : Missing(outcome);
        });
        accounts.MapPost("/{login}/disable", (string login, OfficerAccounts book, HttpContext http) => Done(book.SetDisabled(login, true, Actor(http))));
        accounts.MapPost("/{login}/enable", (string login, OfficerAccounts book, HttpContext http) => Done(book.SetDisabled(login, false, Actor(http))));
        accounts.MapPost("/{login}/unlock", (string login, OfficerAccounts book, HttpContext http) => Done(book.Unlock(login, Actor(http))));
        return app;
    }

    private static string Actor(HttpContext http) => http.RequestServices.GetRequiredService<OfficerToken>().ActorOf(http) ?? OfficerToken.SharedActor;

    private static IResult Done(AccountOutcome outcome) => outcome.Ok ? Results.Ok(new { ok = true }) : Missing(outcome);

    private static IResult Missing(AccountOutcome outcome) => outcome.Error == OfficerAccounts.NoSuchAccountText
        ? Results.NotFound(new { error = outcome.Error })
        : Results.BadRequest(new { error = outcome.Error });
}
