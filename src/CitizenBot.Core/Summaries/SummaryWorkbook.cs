using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using MiniExcelLibs;

namespace CitizenBot.Core.Summaries;

/// <summary>One figure of the summary as a row of the leaders' spreadsheet: its section, what it counts, the number.</summary>
public sealed record SummaryFigure(string Section, string Item, double Value);

/// <summary>The summary's figures as an XLSX workbook (MiniExcel), with Vietnamese sheet and column names, one figure a row.</summary>
public static class SummaryWorkbook
{
    public const string SheetName = "Số liệu";
    public const string SectionColumn = "Mục";
    public const string ItemColumn = "Chỉ tiêu";
    public const string ValueColumn = "Số liệu";

    public static string FileName(SummaryPeriod period) => $"bao-cao-tong-hop-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx";

    public static byte[] Xlsx(CommuneSummary s)
    {
        using var stream = new MemoryStream();
        var rows = Figures(s).Select(f => new Dictionary<string, object>
        {
            [SectionColumn] = f.Section,
            [ItemColumn] = f.Item,
            [ValueColumn] = f.Value,
        });
        stream.SaveAs(rows, sheetName: SheetName);
        return stream.ToArray();
    }

    /// <summary>Every figure of the summary, in the order of the report; percentages and durations as plain numbers.</summary>
    public static IEnumerable<SummaryFigure> Figures(CommuneSummary s)
    {
        const string dossiers = "1. Thủ tục hành chính";
        var d = s.Dossiers;
        yield return new(dossiers, "Hồ sơ tiếp nhận", d.Received);
        yield return new(dossiers, "Tiếp nhận trực tiếp", d.ByChannel.GetValueOrDefault(DossierChannel.Direct));
        yield return new(dossiers, "Trực tuyến một phần", d.ByChannel.GetValueOrDefault(DossierChannel.OnlinePartial));
        yield return new(dossiers, "Trực tuyến toàn trình", d.ByChannel.GetValueOrDefault(DossierChannel.OnlineFull));
        yield return new(dossiers, "Qua bưu chính công ích", d.ByChannel.GetValueOrDefault(DossierChannel.Postal));
        yield return new(dossiers, "Kỳ trước chuyển qua", d.CarriedOver);
        yield return new(dossiers, "Đã giải quyết", d.Resolved);
        yield return new(dossiers, "Giải quyết trước và đúng hạn", d.ResolvedOnTime);
        yield return new(dossiers, "Giải quyết quá hạn", d.ResolvedLate);
        yield return new(dossiers, "Đang giải quyết", d.InProgress);
        yield return new(dossiers, "Chờ bổ sung", d.AwaitingSupplement);
        yield return new(dossiers, "Đang giải quyết đã quá hạn", d.OpenOverdue);
        yield return new(dossiers, "Trả lại, xin rút", d.ReturnedOrWithdrawn);

        const string letters = "2. Hệ thống thư";
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            yield return new(letters, LetterNames.Of(kind), s.Letters.GetValueOrDefault(kind));
        }

        const string reception = "3. Tiếp công dân";
        var r = s.Reception;
        yield return new(reception, "Buổi tiếp công dân", r.DaysHeld);
        yield return new(reception, "Buổi lãnh đạo tiếp", r.LeaderSessions);
        yield return new(reception, "Lượt đặt lịch", r.Bookings);
        yield return new(reception, "Có mặt", r.Attended);
        yield return new(reception, "Vắng", r.NoShows);
        yield return new(reception, "Đã hủy", r.Cancelled);

        const string petitions = "4. Kiến nghị, phản ánh, khiếu nại, tố cáo";
        var p = s.Petitions;
        yield return new(petitions, "Đơn tiếp nhận", p.Received);
        foreach (var kind in Enum.GetValues<PetitionKind>())
        {
            yield return new(petitions, PetitionTexts.Kind(kind), p.ByKind.GetValueOrDefault(kind));
        }

        foreach (var topic in p.ByTopic.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            yield return new(petitions, "Lĩnh vực: " + topic.Key, topic.Value);
        }

        yield return new(petitions, "Đã trả lời", p.Answered);
        yield return new(petitions, "Quá hạn", p.Overdue);
        yield return new(petitions, "Thời gian trả lời trung vị (giờ)", Hours(p.MedianTimeToAnswer));

        const string questions = "5. Câu hỏi chuyển cán bộ";
        yield return new(questions, "Câu hỏi", s.Questions.Asked);
        yield return new(questions, "Đã trả lời", s.Questions.Answered);
        yield return new(questions, "Thời gian trả lời trung vị (giờ)", Hours(s.Questions.MedianTimeToAnswer));

        const string ratings = "6. Mức độ hài lòng";
        var all = s.Ratings.Overall;
        yield return new(ratings, "Lượt đánh giá", all.Total);
        yield return new(ratings, "Tỷ lệ hài lòng (%)", all.SatisfiedPercent);
        foreach (var level in Enum.GetValues<RatingLevel>())
        {
            yield return new(ratings, RatingNames.Level(level), all.Count(level));
        }

        const string announcements = "7. Thông báo tới các thôn";
        var a = s.Announcements;
        yield return new(announcements, "Số thông báo", a.Announcements);
        yield return new(announcements, "Nơi nhận", a.Recipients);
        yield return new(announcements, "Đã gửi tới", a.Delivered);
        yield return new(announcements, "Không gửi được", a.Failed);
    }

    private static double Hours(TimeSpan? span) => span is { } value ? Math.Round(value.TotalHours, 1) : 0;
}
