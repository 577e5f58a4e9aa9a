using System.Globalization;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Ratings;

/// <summary>/danhgia [tháng/năm | năm]: ratings by field and level with percentages (default: this month).</summary>
public sealed class RatingTallyCommand(RatingBook book, CommuneClock clock) : IOfficerCommand
{
    public string Name => "danhgia";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/danhgia [tháng/năm hoặc năm] – thống kê đánh giá mức độ hài lòng theo lĩnh vực";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        if (Period(command.Arguments.Trim(), clock.Today) is not { } period)
        {
            command.Send("Cách dùng: " + Usage + "\nVí dụ: /danhgia 11/2026 hoặc /danhgia 2026");
            return Task.CompletedTask;
        }

        var from = clock.FromLocal(period.From.ToDateTime(TimeOnly.MinValue));
        var to = clock.FromLocal(period.To.ToDateTime(TimeOnly.MinValue));
        command.Send(RatingTexts.Tally(RatingReport.Compute(book, from, to), clock));
        return Task.CompletedTask;
    }

    /// <summary>A month ("11/2026"), a year ("2026") or, when empty, this month: [From, To).</summary>
    public static (DateOnly From, DateOnly To)? Period(string text, DateOnly today)
    {
        if (text.Length == 0)
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            return (first, first.AddMonths(1));
        }

        if (DateOnly.TryParseExact(text, ["M/yyyy", "MM/yyyy", "M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (month, month.AddMonths(1));
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1))
            : null;
    }
}
