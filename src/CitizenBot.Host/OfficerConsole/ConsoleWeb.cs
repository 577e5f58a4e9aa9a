using CitizenBot.Core.Commune;
using Microsoft.AspNetCore.Authentication;

namespace CitizenBot.Host.OfficerConsole;

/// <summary>
/// The officer console at /officer: Razor Pages rendered on the server (plain forms, no script needed), one folder per feature
/// under Pages/Officer/, Vietnamese throughout. Every page needs an officer's login; leaders' and admins' pages say so with
/// <c>[Authorize(Policy = ...)]</c>. Forms carry the antiforgery token (Razor Pages check it on every POST).
/// </summary>
public static class ConsoleWeb
{
    public static IServiceCollection AddOfficerConsole(this IServiceCollection services)
    {
        // Not the default scheme: only the console's pages authenticate (their policies name it), so the chat, the API (its own
        // check) and the dashboard are untouched, and antiforgery tokens outside the console stay bound to no user.
        // (ASP.NET Core makes a lone scheme the default unless told not to.)
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ConsoleAuthentication>(ConsoleAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddConsolePolicies();
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Officer", ConsolePolicies.Officer);
                options.Conventions.AllowAnonymousToPage("/Officer/Login");
                options.Conventions.AllowAnonymousToPage("/Officer/Denied");
            })
            .AddMvcOptions(options =>
            {
                VietnameseBindingMessages.Apply(options.ModelBindingMessageProvider);
                options.Filters.Add(new FirstPasswordFilter());
            })
            // The pages live in this assembly, which is not the entry assembly when tests host the app in their own process.
            .AddApplicationPart(typeof(ConsoleWeb).Assembly);
        services.AddSingleton<ConsoleFormat>();
        services.AddSingleton<FirstPasswordHandover>();
        // Personal accounts' lockout from the Officer section (the Core registers the defaults; this one is read last and wins).
        services.AddSingleton(sp =>
        {
            var officer = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.OfficerOptions>>().Value;
            return new CitizenBot.Core.Roles.AccountLockoutPolicy(officer.LockoutFailures, officer.LockoutMinutes);
        });
        // Vietnamese letters go out as themselves, not as &#x...; entities (half the bytes on a slow connection); <, >, & and quotes are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    public static WebApplication MapOfficerConsole(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // The jobs dashboard is for admins: a person's page is sent to log in, or told it is not theirs, instead of Hangfire's bare 401.
        app.Use(async (http, next) =>
        {
            // Scripts (a token in a header, or no wish for a page) keep Hangfire's own 401.
            if (http.Request.Path.StartsWithSegments("/hangfire") && HttpMethods.IsGet(http.Request.Method)
                && Officer.OfficerToken.HeaderTokenOf(http) is null && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
                && !ConsoleAuthentication.IsAdmin(http))
            {
                var signedIn = http.RequestServices.GetRequiredService<Officer.OfficerToken>().ActorOf(http) is not null
                    || http.RequestServices.GetRequiredService<CitizenBot.Core.Roles.WebLogins>().SessionOf(http.Request.Cookies[Officer.OfficerToken.SessionCookieName]) is not null;
                http.Response.Redirect(signedIn ? ConsoleAuthentication.DeniedPath
                    : $"{ConsoleAuthentication.LoginPath}?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
                return;
            }

            await next(http);
        });
        app.MapGet("/officer/console.css", () => Results.Text(ConsoleAssets.Style, "text/css; charset=utf-8"));
        app.MapGet("/officer/console.js", () => Results.Text(ConsoleAssets.Script, "text/javascript; charset=utf-8"));
        app.MapRazorPages();
        app.MapAccountApi();
        return app;
    }
}

/// <summary>
/// A personal account with its first password sees one page: the change-password page (logging out stays possible). Every other
/// console page redirects there until the password is changed.
/// </summary>
internal sealed class FirstPasswordFilter : Microsoft.AspNetCore.Mvc.Filters.IPageFilter
{
    public const string ChangePasswordPath = "/officer/account/password";
    private static readonly HashSet<string> Open = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Officer/Account/Password", "/Officer/Logout", "/Officer/Login", "/Officer/Denied",
    };

    public void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (context.HttpContext.User.MustChangePassword() && !Open.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(ChangePasswordPath);
        }
    }

    public void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
    {
    }
}

/// <summary>How the console writes times and numbers: the commune's clock, Vietnamese digits grouping ("2.449").</summary>
public sealed class ConsoleFormat(CommuneClock clock)
{
    public string Moment(DateTimeOffset instant) => clock.Moment(instant);

    public string Date(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public string Number(long value) => VietnameseFormat.Number(value);

    public string DateWithWeekday(DateOnly day) => VietnameseFormat.DateWithWeekday(day);

    /// <summary>"3 giờ", "2 ngày": how long something has waited.</summary>
    public string Duration(TimeSpan span) => VietnameseFormat.Duration(span);

    public DateOnly LocalDate(DateTimeOffset instant) => clock.LocalDate(instant);

    public DateOnly Today => clock.Today;

    public DateTimeOffset Now => clock.UtcNow;
}

/// <summary>The console's style sheet and small script, embedded beside the code and served as files (the CSP allows no inline blocks).</summary>
internal static class ConsoleAssets
{
    public static readonly string Style = Load("console.css");

    public static readonly string Script = Load("console.js");

    private static string Load(string fileName)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("CitizenBot.Host.OfficerConsole.wwwroot." + fileName)
            ?? throw new InvalidOperationException($"The console's {fileName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Model binding's own messages (a date that is not a date, a missing number) in Vietnamese, shown next to the field.</summary>
internal static class VietnameseBindingMessages
{
    public static void Apply(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider p)
    {
        p.SetValueIsInvalidAccessor(v => $"Giá trị \"{v}\" không hợp lệ.");
        p.SetAttemptedValueIsInvalidAccessor((v, _) => $"Giá trị \"{v}\" không hợp lệ.");
        p.SetValueMustBeANumberAccessor(_ => "Xin nhập một số.");
        p.SetMissingBindRequiredValueAccessor(_ => "Xin điền ô này.");
        p.SetMissingKeyOrValueAccessor(() => "Xin điền ô này.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu dữ liệu gửi lên.");
        p.SetValueMustNotBeNullAccessor(_ => "Xin điền ô này.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"Giá trị \"{v}\" không hợp lệ.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Giá trị không hợp lệ.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Xin nhập một số.");
    }
}
