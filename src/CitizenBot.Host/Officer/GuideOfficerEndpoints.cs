using CitizenBot.Core.Guide;
using CitizenBot.Host.Configuration;

namespace CitizenBot.Host.Officer;

/// <summary>
/// Officers keep the procedures guide: list it, import a CSV/XLSX file (the CLI's <c>import guide FILE</c> posts here
/// when the bot runs), export it to edit, and confirm or withdraw an entry. Every change is audited with its officer.
/// </summary>
public static class GuideOfficerEndpoints
{
    public sealed record ConfirmRequest(string? Name, bool? Confirmed);

    public static RouteGroupBuilder MapGuideOfficerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/guide", (GuideBook book) => Results.Ok(book.All().Select(e => new
        {
            name = e.Name,
            field = e.Field,
            aliases = e.Aliases,
            papers = e.Papers,
            fee = e.Fee,
            processingTime = e.ProcessingTime,
            place = e.Place,
            onlineLink = e.OnlineLink,
            legalBasis = e.LegalBasis,
            sourceUrl = e.SourceUrl,
            confirmed = e.IsConfirmed,
            confirmedBy = e.ConfirmedBy,
            confirmedAt = e.ConfirmedAt,
            updatedBy = e.UpdatedBy,
            updatedAt = e.UpdatedAt,
        })));
        api.MapGet("/guide/export", (string? format, GuideImporter importer) =>
        {
            var xlsx = !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
            return Results.File(importer.Export(xlsx),
                xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
                xlsx ? "huong-dan-thu-tuc.xlsx" : "huong-dan-thu-tuc.csv");
        });
        api.MapPost("/guide/import", ImportAsync);
        api.MapPost("/guide/confirm", (ConfirmRequest request, GuideBook book, OfficerToken token, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                return Results.Json(new { error = "Cần tên thủ tục (name)." }, statusCode: StatusCodes.Status400BadRequest);
            }

            var actor = token.ActorOf(http) ?? OfficerToken.SharedActor;
            var notFound = Results.NotFound(new { error = $"Không có thủ tục \"{request.Name.Trim()}\" trong hướng dẫn." });
            if (request.Confirmed == false)
            {
                return book.Unconfirm(request.Name, actor) ? Results.Ok(new { name = request.Name.Trim(), confirmed = false }) : notFound;
            }

            return book.TryConfirm(request.Name, actor) switch
            {
                GuideConfirmOutcome.Confirmed => Results.Ok(new { name = request.Name.Trim(), confirmed = true }),
                GuideConfirmOutcome.Incomplete => Results.Json(
                    new { error = $"Thủ tục \"{request.Name.Trim()}\" cần ghi căn cứ pháp lý và nguồn trước khi xác nhận." }, statusCode: StatusCodes.Status400BadRequest),
                _ => notFound,
            };
        });
        return api;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, GuideImporter importer, HostSettings settings, OfficerToken token, ILogger<GuideImporter> logger)
    {
        var (content, tooLarge) = await UploadBody.ReadAsync(http, settings);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var report = importer.ImportFile(content!, token.ActorOf(http) ?? OfficerToken.SharedActor);
        if (report.Rejected is { } rejected)
        {
            return Results.Json(new { error = rejected }, statusCode: StatusCodes.Status400BadRequest);
        }

        logger.LogInformation("Guide import: {Created} created, {Updated} updated, {Confirmed} confirmed, {Errors} bad rows",
            report.Created, report.Updated, report.Confirmed, report.Errors.Count);
        return Results.Ok(report);
    }
}
