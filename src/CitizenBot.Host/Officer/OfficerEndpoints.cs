using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Roles;
using CitizenBot.Host.Configuration;
using CitizenBot.Host.Jobs;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CitizenBot.Host.Officer;

/// <summary>The officer JSON API for scripts (token in a header) and console pages (session cookie + antiforgery header), and the jobs dashboard.</summary>
public static class OfficerEndpoints
{
    /// <summary>The header a console page (and the Hangfire dashboard) sends the antiforgery token in with a cookie-authenticated API call.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Antiforgery for cookie-authenticated requests, and the wrong-login counter.</summary>
    public static IServiceCollection AddOfficerWeb(this IServiceCollection services, HostSettings settings)
    {
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "citizenbot_csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            // The host's own headers say DENY for every page.
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddSingleton(sp => new LoginThrottle(settings.LoginFailuresPerAddress, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static WebApplication MapOfficerEndpoints(this WebApplication app)
    {
        // Checked once, before the endpoint runs at all (no body read, no service built for a stranger); the officer found is kept for the endpoint.
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/officer/api"))
            {
                await next(http);
                return;
            }

            var token = http.RequestServices.GetRequiredService<OfficerToken>();
            var throttle = http.RequestServices.GetRequiredService<LoginThrottle>();
            var address = LoginThrottle.AddressOf(http);
            var headerToken = OfficerToken.HeaderTokenOf(http);
            if (headerToken is not null)
            {
                // A token in a header is a login like any other: once an address is blocked, even the right one waits,
                // or the block would only change the error a guesser sees.
                if (throttle.IsBlocked(address))
                {
                    await Refuse(http, StatusCodes.Status429TooManyRequests, LoginThrottle.TooManyText);
                    return;
                }

                if (!token.Matches(headerToken))
                {
                    throttle.Fail(address);
                }
            }

            if (token.ActorOf(http) is null)
            {
                await Refuse(http, StatusCodes.Status401Unauthorized, "Cần đăng nhập: mở trang cán bộ /officer/login (hoặc, với chương trình, gửi mã truy cập trong tiêu đề X-Officer-Token).");
                return;
            }

            // A cookie rides along with any site's request: a change made with it must carry the page's antiforgery token.
            if (!token.IsHeaderAuthenticated(http) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                && !await IsFromConsolePageAsync(http))
            {
                await Refuse(http, StatusCodes.Status400BadRequest, "Trang đã mở quá lâu hoặc yêu cầu không đến từ trang cán bộ. Xin tải lại trang (F5) rồi thử lại.");
                return;
            }

            await next(http);
        });
        var api = app.MapGroup("/officer/api");
        api.MapPost("/dossiers/import", ImportDossiersAsync);
        api.MapGet("/dossiers/imports", (ImportBook imports, Core.Commune.CommuneClock clock) => Results.Ok(new
        {
            interrupted = imports.Unfinished().Select(i => new
            {
                id = i.Id, fileName = i.FileName, startedAt = i.StartedAt, rowsDone = i.RowsDone, by = i.By,
                text = ImportTexts.Interrupted(i, clock),
            }),
            latest = imports.Latest(20).Select(i => new { id = i.Id, fileName = i.FileName, startedAt = i.StartedAt, rowsDone = i.RowsDone, state = i.State.ToString(), errors = i.Errors }),
        }));
        api.MapReceptionOfficerApi();
        api.MapQuestionOfficerApi();
        api.MapAnnouncementOfficerApi();
        api.MapGuideOfficerApi();

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
        // The dashboard checks the antiforgery token on its POSTs itself once IAntiforgery is registered (IgnoreAntiforgeryToken stays false).
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new OfficerDashboardAuthorization()],
            DashboardTitle = "CitizenBot: công việc nền",
            IgnoreAntiforgeryToken = false,
        });
        return app;
    }

    /// <summary>
    /// The antiforgery check for a cookie-authenticated API call. A console page's token is bound to the signed-in officer, and
    /// this check runs before the console's authentication middleware: the session is read here so the token is checked against
    /// the same officer it was given to.
    /// </summary>
    private static async Task<bool> IsFromConsolePageAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true
            && await http.AuthenticateAsync(OfficerConsole.ConsoleAuthentication.SchemeName) is { Succeeded: true, Principal: { } officer })
        {
            http.User = officer;
        }

        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
    }

    /// <summary>HttpOnly, SameSite=Strict, Secure whenever the request came over HTTPS; a browser-session cookie (the server keeps the expiry).</summary>
    internal static CookieOptions SessionCookie(HttpContext http) => new() { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/" };

    private static async Task Refuse(HttpContext http, int status, string error)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(new { error });
    }

    private static async Task<IResult> ImportDossiersAsync(HttpContext http, string? name, DossierImporter importer, HostSettings settings, OfficerToken token, ILogger<DossierImporter> logger)
    {
        var (content, tooLarge) = await UploadBody.ReadAsync(http, settings);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var fileName = string.IsNullOrWhiteSpace(name) ? "(không tên)" : Path.GetFileName(name.Trim());
        var report = importer.ImportFile(content!, fileName.Length > 200 ? fileName[..200] : fileName, token.ActorOf(http) ?? OfficerToken.SharedActor);
        if (report.Rejected is { } rejected)
        {
            return Results.Json(new { error = rejected }, statusCode: StatusCodes.Status400BadRequest);
        }

        logger.LogInformation("Officer import through the host: {Created} created, {Updated} updated, {Errors} bad rows",
            report.Created, report.Updated, report.ErrorCount);
        if (report.Created + report.Updated > 0)
        {
            try
            {
                // Followers hear of the changes now rather than at the sweep's next minute.
                http.RequestServices.GetRequiredService<IBackgroundJobClient>().Enqueue<SweepJob>(j => j.RunAsync(CitizenBot.Core.Dossiers.DossierFollowSweep.JobId, CancellationToken.None));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                logger.LogWarning("The follow sweep could not be started now ({Error}); it runs at its next minute", ex.Message);
            }
        }

        return Results.Ok(report);
    }


    /// <summary>The dashboard is for admins (an admin's session cookie, or the token in a header).</summary>
    private sealed class OfficerDashboardAuthorization : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var token = http.RequestServices.GetRequiredService<OfficerToken>();
            if (OfficerToken.HeaderTokenOf(http) is { } headerToken)
            {
                // Wrong tokens in a header count here as on the officer API, and a blocked address waits out its block.
                var throttle = http.RequestServices.GetRequiredService<LoginThrottle>();
                var address = LoginThrottle.AddressOf(http);
                if (throttle.IsBlocked(address))
                {
                    return false;
                }

                if (!token.Matches(headerToken))
                {
                    throttle.Fail(address);
                    return false;
                }
            }

            return OfficerConsole.ConsoleAuthentication.IsAdmin(http);
        }
    }
}
