using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Dossiers;

/// <summary>What followers are told when their dossier changes or is late.</summary>
public static class DossierNotificationTexts
{
    public static string StatusChanged(Dossier dossier, DossierChange change, CommuneClock clock, CommuneOptions commune) => change.Status switch
    {
        DossierStatus.Resolved =>
            $"📢 Hồ sơ {dossier.Code} ({dossier.Procedure}) đã có kết quả.\n{DossierPickupTexts.HowToCollect(dossier, commune)}\nXin cảm ơn ông/bà!",
        DossierStatus.AwaitingSupplement =>
            $"📢 Hồ sơ {dossier.Code} ({dossier.Procedure}) cần bổ sung giấy tờ.\nMời ông/bà liên hệ Bộ phận Một cửa UBND xã để được hướng dẫn cụ thể. Xin cảm ơn ông/bà!",
        _ =>
            $"📢 Hồ sơ {dossier.Code} ({dossier.Procedure}) vừa chuyển sang trạng thái: {DossierStatusWords.InWords(change.Status)}.\nHạn trả kết quả: {VietnameseFormat.Date(clock.LocalDate(change.DueAt))}.",
    };

    public static string DueDateChanged(Dossier dossier, DossierChange change, CommuneClock clock) =>
        $"📢 Hồ sơ {dossier.Code} ({dossier.Procedure}) có ngày hẹn trả kết quả mới: {VietnameseFormat.DateWithWeekday(clock.LocalDate(change.DueAt))}.\nUBND xã thành thật xin lỗi ông/bà vì sự chậm trễ này.";
}

/// <summary>What the officers are told when following a dossier is locked: the code only, no personal data.</summary>
public static class FollowGuardTexts
{
    public static string Locked(string code, int failures, DateTimeOffset lockedUntil, CommuneClock clock) =>
        $"🔒 Hồ sơ {code}: có {failures} lần nhập sai 4 số cuối điện thoại khi đăng ký theo dõi (tính chung mọi cuộc trò chuyện, mọi kênh). "
        + $"Để chống dò tìm, việc theo dõi hồ sơ này tạm khóa đến {clock.Moment(lockedUntil)}. "
        + "Nếu người nộp hồ sơ liên hệ, xin cán bộ hỗ trợ trực tiếp.";
}
