using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Petitions;

/// <summary>The petition words the service and jobs send: to the citizen, and to the officers (never a denouncer's identity).</summary>
public static class PetitionTexts
{
    public const string CitizenRole = "Công dân";

    public static string Kind(PetitionKind kind) => kind switch
    {
        PetitionKind.Complaint => "Khiếu nại",
        PetitionKind.Denunciation => "Tố cáo",
        _ => "Kiến nghị, phản ánh",
    };

    public static string Status(PetitionStatus status) => status switch
    {
        PetitionStatus.Received => "Đã tiếp nhận",
        PetitionStatus.Assigned => "Đã giao cán bộ xử lý",
        PetitionStatus.InProgress => "Đang xem xét, giải quyết",
        PetitionStatus.Answered => "Đã có kết quả trả lời",
        PetitionStatus.Closed => "Đã kết thúc",
        PetitionStatus.Transferred => "Đã chuyển cơ quan có thẩm quyền",
        _ => "Không thụ lý",
    };

    public static string Due(Petition petition, CommuneClock clock) => VietnameseFormat.DateWithWeekday(clock.LocalDate(petition.DueAt));

    /// <summary>What a step of the history is called: its status, or "reopened" for the step that took an answer back to work.</summary>
    public static string Step(PetitionEvent change) => change.Reopened ? ReopenedStep : Status(change.Status);

    public const string ReopenedStep = "Mở lại để xem xét lại";

    public static string ToCitizen(Petition petition, PetitionEvent change, CommuneClock clock) => change switch
    {
        { Reopened: true, ByRole: CitizenRole } =>
            $"🔄 UBND xã đã nhận đề nghị xem xét lại đơn {petition.Code} của ông/bà. Đơn được mở lại và chuyển cán bộ xem xét, giải quyết.\n"
            + $"Hạn trả lời mới: {Due(petition, clock)}. Mỗi bước xử lý sẽ được báo ngay tại đây. Xin cảm ơn ông/bà.",
        { Reopened: true } =>
            $"🔄 Đơn {petition.Code} của ông/bà được mở lại để xem xét, giải quyết thêm. Lý do: {change.Note}\n— {change.ByRole}\n"
            + $"Hạn trả lời mới: {Due(petition, clock)}.",
        _ => ToCitizenByStatus(petition, change, clock),
    };

    /// <summary>To the officer in charge (or the officers' group): an answer was not enough. A denunciation's reason stays in the console.</summary>
    public static string ReopenedToOfficers(Petition petition, PetitionEvent change, CommuneClock clock) =>
        (change.ByRole == CitizenRole ? $"🔄 Công dân chưa hài lòng với kết quả trả lời đơn {petition.Code} và đề nghị xem xét lại." : $"🔄 Đơn {petition.Code} được mở lại ({change.ByRole}).")
        + (petition.Kind == PetitionKind.Denunciation ? "" : $"\nLý do: {change.Note}")
        + $"\nHạn trả lời mới: {Due(petition, clock)}. Xem: /xemdon {petition.Code}";

    private static string ToCitizenByStatus(Petition petition, PetitionEvent change, CommuneClock clock) => change.Status switch
    {
        PetitionStatus.Answered =>
            $"📬 Kết quả giải quyết đơn {petition.Code} của ông/bà:\n\n{change.Note}\n\n— {change.ByRole}\n\n"
            + "UBND xã trân trọng cảm ơn ông/bà đã gửi ý kiến, góp phần xây dựng quê hương. "
            + "Nếu kết quả chưa thỏa đáng, ông/bà vào \"📂 Kiến nghị của tôi\" và bấm \"Chưa hài lòng, đề nghị xem xét lại\", hoặc bấm \"Hỏi cán bộ\".",
        PetitionStatus.Rejected =>
            $"Đơn {petition.Code} của ông/bà không được thụ lý giải quyết. Lý do: {change.Note}\n— {change.ByRole}\n"
            + "Nếu cần hướng dẫn thêm, ông/bà bấm \"Hỏi cán bộ\". Xin cảm ơn ông/bà.",
        PetitionStatus.Transferred =>
            $"Đơn {petition.Code} của ông/bà đã được chuyển đến {change.Note} là nơi có thẩm quyền giải quyết. "
            + "Ông/bà sẽ nhận được kết quả từ cơ quan đó. Xin cảm ơn ông/bà.",
        _ => $"🔔 Đơn {petition.Code}: {Status(change.Status)}" + (change.Note is null || change.Status == PetitionStatus.Assigned ? "" : $" – {change.Note}")
            + $".\nHạn trả lời: {Due(petition, clock)}.",
    };

    public static string OfficerReminder(Petition petition, CommuneClock clock) =>
        $"⏰ Đơn {petition.Code} ({Kind(petition.Kind)}, {petition.Topic}) đã quá hạn trả lời. Hạn mới hẹn với công dân: {Due(petition, clock)}.";

    /// <summary>What the officers' group sees of a new petition; a denunciation shows no content and no identity.</summary>
    public static string NewToOfficers(Petition petition, CommuneClock clock) => petition.Kind == PetitionKind.Denunciation
        ? $"📮 Có đơn tố cáo mới {petition.Code}. Nội dung và người tố cáo được bảo mật: chỉ lãnh đạo xem bằng lệnh /xemdon {petition.Code}. Hạn: {Due(petition, clock)}."
        : $"📮 Đơn mới {petition.Code} – {Kind(petition.Kind)} – {petition.Topic} – {petition.Village}\n\n{petition.Content}\n\n"
          + $"Người gửi: {(petition.Anonymous ? "ẩn danh" : $"{petition.ContactName}, SĐT {PersonalData.MaskPhone(petition.ContactPhone ?? "")}")}\n"
          + $"Hạn trả lời: {Due(petition, clock)}. Xem: /xemdon {petition.Code}";

    public static string Line(Petition petition, CommuneClock clock) =>
        $"{petition.Code} · {Kind(petition.Kind)} · {petition.Topic} · {Status(petition.Status)} · hạn {VietnameseFormat.Date(clock.LocalDate(petition.DueAt))}";
}
