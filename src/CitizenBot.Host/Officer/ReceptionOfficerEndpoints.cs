using System.Globalization;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;

namespace CitizenBot.Host.Officer;

/// <summary>The reception and ratings functions of the officers' page, for use while the bot runs.</summary>
public static class ReceptionOfficerEndpoints
{
    /// <summary>Officer actions taken on the web page are audited under this actor (the page has one shared login).</summary>

    public sealed record BookingView(string Code, string Time, string Name, string Phone, string Topic, string Details, string Session, string Status);

    public sealed record DayView(string Date, IReadOnlyList<string> Sessions, IReadOnlyList<BookingView> Bookings);

    public sealed record MarkRequest(bool Attended);

    /// <param name="ConfirmDayOff">True to add a session on a Sunday or a public holiday (refused otherwise).</param>
    public sealed record SessionRequest(string? Date, string? Title, bool ConfirmDayOff = false);

    public static RouteGroupBuilder MapReceptionOfficerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reception/bookings", (string? date, ReceptionBook bookings, CommuneClock clock) =>
            ParseDate(date, clock) is { } day ? Results.Ok(Day(day, bookings, clock)) : BadDate());
        api.MapPost("/reception/bookings/{code}/mark", (string code, MarkRequest request, ReceptionBook bookings, OfficerToken token, HttpContext http) =>
        {
            var booking = bookings.Get(code);
            var marked = booking is null ? null : bookings.Mark(booking.Id, request.Attended, token.ActorOf(http) ?? OfficerToken.SharedActor);
            return marked is null
                ? Results.Json(new { error = "Không ghi nhận được: không tìm thấy lịch hẹn, lịch đã hủy, hoặc chưa đến ngày tiếp." }, statusCode: StatusCodes.Status409Conflict)
                : Results.Ok(new { code = marked.Code, status = BookingExport.StatusLabel(marked.Status) });
        });
        api.MapGet("/reception/export", (string? date, string? format, BookingExport export, CommuneClock clock) =>
        {
            if (ParseDate(date, clock) is not { } day)
            {
                return BadDate();
            }

            return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
                ? Results.File(export.Xlsx(day), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", BookingExport.FileName(day, "xlsx"))
                : Results.File(export.Csv(day), "text/csv; charset=utf-8", BookingExport.FileName(day, "csv"));
        });
        api.MapPost("/reception/sessions", (SessionRequest request, ReceptionCalendar calendar, CommuneClock clock, OfficerToken token, HttpContext http) =>
        {
            if (ParseDate(request.Date, clock) is not { } day || string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length is < 3 or > 120)
            {
                return Results.Json(new { error = "Cần ngày (yyyy-MM-dd) và tiêu đề từ 3 đến 120 ký tự." }, statusCode: StatusCodes.Status400BadRequest);
            }

            var result = calendar.TryAddLeaderSession(day, request.Title, token.ActorOf(http) ?? OfficerToken.SharedActor, request.ConfirmDayOff);
            if (result.Session is not { } session)
            {
                return Results.Json(new { error = result.Error, dayOff = result.Refusal == AddSessionRefusal.DayOff }, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Ok(new { id = session.Id, date = session.Date, title = session.Title });
        });
        api.MapGet("/ratings", (string? month, RatingBook book, CommuneClock clock) =>
        {
            var today = clock.Today;
            var first = DateOnly.TryParseExact(month ?? "", "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
                ? m
                : new DateOnly(today.Year, today.Month, 1);
            var report = RatingReport.Compute(book, clock.FromLocal(first.ToDateTime(TimeOnly.MinValue)), clock.FromLocal(first.AddMonths(1).ToDateTime(TimeOnly.MinValue)));
            return Results.Ok(new
            {
                month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                text = RatingTexts.Tally(report, clock),
                total = report.Overall.Total,
                satisfiedPercent = report.Overall.SatisfiedPercent,
                byField = report.ByField.Select(t => new
                {
                    field = RatingNames.Field(t.Field!.Value),
                    total = t.Total,
                    levels = Enum.GetValues<RatingLevel>().Select(l => new { level = RatingNames.Level(l), count = t.Count(l), percent = t.Percent(l) }),
                }),
            });
        });
        return api;
    }

    private static DayView Day(DateOnly date, ReceptionBook bookings, CommuneClock clock) => new(
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [.. bookings.Calendar.On(date).Select(d => d.Title)],
        [.. bookings.OnDate(date).Select(b => new BookingView(
            b.Code, clock.ToLocal(b.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture), b.Name, b.Phone,
            ReceptionTopics.Label(b.Topic), b.Details, b.DayTitle, BookingExport.StatusLabel(b.Status)))]);

    private static DateOnly? ParseDate(string? text, CommuneClock clock)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return clock.Today;
        }

        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static IResult BadDate() => Results.Json(new { error = "Ngày không hợp lệ (dạng yyyy-MM-dd)." }, statusCode: StatusCodes.Status400BadRequest);
}
