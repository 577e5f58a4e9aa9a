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
        app.MapPost("/officer/api/login", (LoginRequest request, OfficerToken token, HttpContext http) =>
        {
            if (!token.Matches(request.Token))
            {
                return Results.Json(new { error = "Mã truy cập không đúng." }, statusCode: StatusCodes.Status401Unauthorized);
            }

            http.Response.Cookies.Append(OfficerToken.CookieName, token.Value, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/",
            });
            return Results.Ok(new { ok = true });
        });
        app.MapPost("/officer/api/dossiers/import", ImportDossiersAsync);
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new OfficerDashboardAuthorization()],
            DashboardTitle = "CitizenBot: công việc nền",
        });
        return app;
    }

    public sealed record LoginRequest(string? Token);

    private static async Task<IResult> ImportDossiersAsync(HttpContext http, OfficerToken token, DossierImporter importer, IBackgroundJobClient jobs, ILogger<DossierImporter> logger)
    {
        if (!token.IsAuthorized(http))
        {
            return Results.Json(new { error = "Cần đăng nhập bằng mã truy cập của cán bộ." }, statusCode: StatusCodes.Status401Unauthorized);
        }

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
            jobs.Enqueue<CitizenBotJobs>(j => j.SweepDossierFollowsAsync(CancellationToken.None));
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
