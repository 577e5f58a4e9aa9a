using System.Text;
using CitizenBot.Core.Dossiers;
using CitizenBot.Host.Jobs;
using Hangfire;
using Hangfire.Dashboard;

namespace CitizenBot.Host.Officer;

/// <summary>What officers do while the bot runs: import dossiers (page and API), and the jobs dashboard.</summary>
public static class OfficerEndpoints
{
    public const long MaxImportBytes = 50 * 1024 * 1024;

    public static WebApplication MapOfficerEndpoints(this WebApplication app)
    {
        app.MapGet("/officer", () => Results.Content(OfficerPage.Html, "text/html; charset=utf-8"));
        app.MapPost("/officer/api/login", (LoginRequest request, OfficerToken token, CitizenBot.Core.Roles.WebLogins logins, HttpContext http) =>
        {
            var cookie = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/" };
            if (token.Matches(request.Token))
            {
                http.Response.Cookies.Append(OfficerToken.CookieName, token.Value, cookie);
                return Results.Ok(new { ok = true });
            }

            // An officer's own one-time code from /dangnhapweb: a session of their own.
            if (logins.Redeem(request.Token) is { } session)
            {
                cookie.MaxAge = CitizenBot.Core.Roles.WebLogins.SessionLifetime;
                http.Response.Cookies.Append(OfficerToken.SessionCookieName, session, cookie);
                return Results.Ok(new { ok = true });
            }

            return Results.Json(new { error = "Mã truy cập không đúng, đã dùng hoặc đã hết hạn." }, statusCode: StatusCodes.Status401Unauthorized);
        });
        // Checked once, before the endpoint runs at all (no body read, no service built for a stranger); the officer found is kept for the endpoint.
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/officer/api") && !http.Request.Path.Equals("/officer/api/login", StringComparison.OrdinalIgnoreCase)
                && http.RequestServices.GetRequiredService<OfficerToken>().ActorOf(http) is null)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await http.Response.WriteAsJsonAsync(new { error = "Cần đăng nhập bằng mã truy cập của cán bộ." });
                return;
            }

            await next(http);
        });
        var api = app.MapGroup("/officer/api");
        api.MapPost("/dossiers/import", ImportDossiersAsync);
        api.MapReceptionOfficerApi();
        api.MapQuestionOfficerApi();
        api.MapAnnouncementOfficerApi();

        // Run a background job now instead of at its next time (the dashboard's "Trigger now", for scripts).
        api.MapPost("/jobs/{id}/run", (string id, Hangfire.IRecurringJobManager jobs, Hangfire.JobStorage storage) =>
        {
            using var connection = storage.GetConnection();
            if (!Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Any(j => j.Id == id))
            {
                return Results.NotFound(new { error = $"Không có công việc nền \"{id}\"." });
            }

            jobs.Trigger(id);
            return Results.Accepted(value: new { started = id });
        });
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new OfficerDashboardAuthorization()],
            DashboardTitle = "CitizenBot: công việc nền",
        });
        return app;
    }

    public sealed record LoginRequest(string? Token);

    /// <summary>Every officer API call needs the officer token (header) or the cookie the login sets.</summary>
    private static async Task<IResult> ImportDossiersAsync(HttpContext http, DossierImporter importer, ILogger<DossierImporter> logger)
    {
        if (http.Request.ContentLength is > MaxImportBytes)
        {
            return Results.Json(new { error = "Tệp quá lớn (tối đa 50 MB)." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var csv = await reader.ReadToEndAsync(http.RequestAborted);
        var report = importer.Import(new StringReader(csv));
        logger.LogInformation("Officer import through the host: {Created} created, {Updated} updated, {Errors} bad rows",
            report.Created, report.Updated, report.Errors.Count);
        if (report.Created + report.Updated > 0)
        {
            try
            {
                // Followers hear of the changes now rather than at the sweep's next minute.
                http.RequestServices.GetRequiredService<IBackgroundJobClient>().Enqueue<CitizenBotJobs>(j => j.SweepDossierFollowsAsync(CancellationToken.None));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                logger.LogWarning("The follow sweep could not be started now ({Error}); it runs at its next minute", ex.Message);
            }
        }

        return Results.Ok(report);
    }

    /// <summary>The dashboard needs the officer cookie set by the officer page's login.</summary>
    private sealed class OfficerDashboardAuthorization : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            return http.RequestServices.GetRequiredService<OfficerToken>().IsAuthorized(http);
        }
    }
}
