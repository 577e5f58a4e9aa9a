using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;

namespace CitizenBot.Core.Summaries;

/// <summary>The summary as a chat message, in the order and wording of the communes' own reports.</summary>
public static class SummaryTexts
{
    private static string N(int value) => VietnameseFormat.Number(value);

    private static string Percent(int part, int whole) => whole == 0 ? "—" : RatingTexts.Percent(Math.Round(100.0 * part / whole, 1));

    private static string Duration(TimeSpan? span) => span is { } s ? VietnameseFormat.Duration(s) : "chưa có";

    public static string Title(CommuneSummary s) => $"BÁO CÁO TỔNG HỢP {s.Period.Title.ToUpper(VietnameseFormat.Culture)}";

    public static string Chat(CommuneSummary s, CommuneClock clock) => string.Join('\n', Lines(s, clock));

    public static IEnumerable<string> Lines(CommuneSummary s, CommuneClock clock)
    {
        var d = s.Dossiers;
        yield return $"📊 {Title(s)}";
        yield return $"{s.Commune} · từ {VietnameseFormat.Date(s.Period.From)} đến {VietnameseFormat.Date(s.Period.To)}";
        yield return "";
        yield return "1. Giải quyết thủ tục hành chính";
        yield return $"- Tổng số hồ sơ đã tiếp nhận: {N(d.Received)} hồ sơ. Trong đó: tiếp nhận trực tiếp: {N(d.ByChannel.GetValueOrDefault(DossierChannel.Direct))} hồ sơ; "
            + $"tiếp nhận trực tuyến: {N(d.Online)} hồ sơ (trực tuyến một phần: {N(d.ByChannel.GetValueOrDefault(DossierChannel.OnlinePartial))}; "
            + $"trực tuyến toàn trình: {N(d.ByChannel.GetValueOrDefault(DossierChannel.OnlineFull))}); "
            + $"qua bưu chính công ích: {N(d.ByChannel.GetValueOrDefault(DossierChannel.Postal))} hồ sơ. Kỳ trước chuyển qua: {N(d.CarriedOver)} hồ sơ.";
        yield return $"- Số hồ sơ đã giải quyết trả kết quả: {N(d.Resolved)} hồ sơ (trả trước và đúng hạn: {N(d.ResolvedOnTime)} hồ sơ, "
            + $"đạt {Percent(d.ResolvedOnTime, d.Resolved)}; quá hạn: {N(d.ResolvedLate)} hồ sơ). "
            + $"Hồ sơ đang giải quyết: {N(d.InProgress)} hồ sơ. Hồ sơ chờ bổ sung: {N(d.AwaitingSupplement)} hồ sơ. "
            + $"Hồ sơ đang giải quyết đã quá hạn: {N(d.OpenOverdue)} hồ sơ. Hồ sơ trả lại/xin rút: {N(d.ReturnedOrWithdrawn)} hồ sơ.";
        yield return "";
        yield return "2. Thực hiện hệ thống thư";
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            var count = s.Letters.GetValueOrDefault(kind);
            yield return $"- {LetterNames.Of(kind)}: {(count == 0 ? "không" : $"{N(count)} thư")}";
        }

        yield return "";
        yield return "3. Tiếp công dân";
        yield return $"- Số buổi tiếp công dân: {N(s.Reception.DaysHeld)} (trong đó lãnh đạo tiếp: {N(s.Reception.LeaderSessions)}). "
            + $"Lượt đặt lịch: {N(s.Reception.Bookings)}; có mặt: {N(s.Reception.Attended)}; vắng: {N(s.Reception.NoShows)}; đã hủy: {N(s.Reception.Cancelled)}.";
        yield return "";
        yield return "4. Kiến nghị, phản ánh, khiếu nại, tố cáo";
        var p = s.Petitions;
        yield return $"- Tiếp nhận: {N(p.Received)} đơn (" + string.Join("; ", Enum.GetValues<PetitionKind>().Select(k => $"{PetitionTexts.Kind(k).ToLower(VietnameseFormat.Culture)}: {N(p.ByKind.GetValueOrDefault(k))}")) + ").";
        if (p.ByTopic.Count > 0)
        {
            yield return "- Theo lĩnh vực: " + string.Join("; ", p.ByTopic.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {N(t.Value)}")) + ".";
        }

        yield return $"- Đã trả lời: {N(p.Answered)} đơn; quá hạn: {N(p.Overdue)} đơn; thời gian trả lời (trung vị): {Duration(p.MedianTimeToAnswer)}.";
        yield return "";
        yield return "5. Câu hỏi chuyển cán bộ trả lời";
        yield return $"- Số câu hỏi: {N(s.Questions.Asked)}; đã trả lời: {N(s.Questions.Answered)}; thời gian trả lời (trung vị): {Duration(s.Questions.MedianTimeToAnswer)}.";
        yield return "";
        yield return "6. Mức độ hài lòng của người dân";
        var all = s.Ratings.Overall;
        yield return $"- Số lượt đánh giá: {N(all.Total)}; tỷ lệ hài lòng (rất hài lòng và hài lòng): {(all.Total == 0 ? "—" : RatingTexts.Percent(all.SatisfiedPercent))}.";
        if (all.Total > 0)
        {
            yield return "- " + string.Join("; ", Enum.GetValues<RatingLevel>().Select(l => $"{RatingNames.Level(l)}: {N(all.Count(l))} ({RatingTexts.Percent(all.Percent(l))})")) + ".";
            foreach (var field in s.Ratings.ByField)
            {
                yield return $"- {RatingNames.Field(field.Field!.Value)}: {N(field.Total)} lượt, hài lòng {RatingTexts.Percent(field.SatisfiedPercent)}.";
            }
        }

        yield return "";
        yield return "7. Thông báo tới các thôn";
        var a = s.Announcements;
        yield return $"- Số thông báo: {N(a.Announcements)}; nơi nhận: {N(a.Recipients)}; đã gửi tới: {N(a.Delivered)}; không gửi được: {N(a.Failed)}.";
        yield return "";
        yield return $"Số liệu tính từ dữ liệu của hệ thống lúc {clock.ToLocal(s.CompiledAt):HH:mm} ngày {VietnameseFormat.Date(clock.LocalDate(s.CompiledAt))}. Bản in kèm theo (mở bằng trình duyệt).";
    }
}
