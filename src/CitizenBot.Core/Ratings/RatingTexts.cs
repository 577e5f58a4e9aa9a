using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Ratings;

/// <summary>The rating words the jobs send (invitations) and the officers read (alerts, tallies).</summary>
public static class RatingTexts
{
    public static string Invitation(string subjectTitle) =>
        $"Kính gửi ông/bà, {subjectTitle} đã hoàn thành. Ông/bà có hài lòng với sự phục vụ của cán bộ xã không? "
        + "Xin bấm một mức bên dưới; ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.";

    public static string OfficerAlert(Rating rating, string subjectTitle) =>
        $"⚠️ Có một đánh giá \"Không hài lòng\" cần lãnh đạo quan tâm.\n"
        + $"Lĩnh vực: {RatingNames.Field(rating.Field)}\n"
        + $"Về: {subjectTitle}\n"
        + $"Ý kiến: {(string.IsNullOrWhiteSpace(rating.Comment) ? "(không ghi ý kiến)" : rating.Comment)}";

    public static string Tally(RatingReport report, CommuneClock clock)
    {
        var lines = new List<string>
        {
            $"📊 Đánh giá mức độ hài lòng từ {VietnameseFormat.Date(clock.LocalDate(report.From))} đến {VietnameseFormat.Date(clock.LocalDate(report.To.AddTicks(-1)))}",
        };
        if (report.Overall.Total == 0)
        {
            lines.Add("Chưa có đánh giá nào trong thời gian này.");
            return string.Join('\n', lines);
        }

        foreach (var tally in report.ByField.Append(report.Overall))
        {
            lines.Add("");
            lines.Add($"{(tally.Field is { } f ? RatingNames.Field(f) : "Tất cả lĩnh vực")}: {VietnameseFormat.Number(tally.Total)} đánh giá, hài lòng {Percent(tally.SatisfiedPercent)}");
            lines.AddRange(Enum.GetValues<RatingLevel>().Select(l => $"  • {RatingNames.Level(l)}: {VietnameseFormat.Number(tally.Count(l))} ({Percent(tally.Percent(l))})"));
        }

        return string.Join('\n', lines);
    }

    public static string Percent(double value) => value.ToString("0.#", VietnameseFormat.Culture) + "%";
}
