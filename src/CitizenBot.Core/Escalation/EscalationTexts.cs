using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Escalation;

/// <summary>The relay officers see (the question, its tag, the flow and a masked phone; never a name) and what the citizen is told.</summary>
public static class EscalationTexts
{
    public static string Relay(OfficerQuestion question, string flowName, string? phone) =>
        $"❓ Câu hỏi mới {question.Tag} từ công dân (kênh {question.AddressKey.Split(':')[0]}, đang ở mục: {flowName}"
        + (phone is null ? "" : $", SĐT {PersonalData.MaskPhone(phone)}")
        + $"):\n\n{question.Text}\n\n"
        + $"Trả lời bằng cách trả lời (reply) tin nhắn này, hoặc gõ: /traloi {question.Tag} <nội dung>";

    public static string Reannounce(OfficerQuestion question, TimeSpan waiting) =>
        $"⏳ Câu hỏi {question.Tag} đã chờ {Commune.VietnameseFormat.Duration(waiting)} mà chưa có trả lời:\n\n{question.Text}\n\n"
        + $"Trả lời bằng cách trả lời (reply) tin nhắn này, hoặc gõ: /traloi {question.Tag} <nội dung>";

    public static string LateApology(OfficerQuestion question) =>
        $"Xin lỗi ông/bà, câu hỏi {question.Tag} cần thêm thời gian để cán bộ xã trả lời. Chúng tôi đã nhắc lại cán bộ phụ trách "
        + "và sẽ trả lời ông/bà sớm nhất. Xin cảm ơn ông/bà đã kiên nhẫn chờ đợi.";

    public static string AnswerToCitizen(OfficerQuestion question) =>
        $"💬 Trả lời câu hỏi {question.Tag} của ông/bà:\n\n{question.Answer}\n\n— {question.AnsweredAs}\n\n"
        + "Xin cảm ơn ông/bà đã liên hệ. Nếu cần hỏi thêm, ông/bà bấm \"Hỏi cán bộ\".";

    /// <summary>The one note a citizen gets when the desk finds they asked the same thing twice.</summary>
    public static string DuplicateNote(OfficerQuestion duplicate, OfficerQuestion original) =>
        original.Status == OfficerQuestionStatus.Answered
            ? $"Câu hỏi {duplicate.Tag} của ông/bà trùng với câu hỏi {original.Tag} đã được cán bộ trả lời trước đó; xin ông/bà xem lại câu trả lời ấy trong cuộc trò chuyện này. Xin cảm ơn ông/bà."
            : $"Câu hỏi {duplicate.Tag} của ông/bà trùng với câu hỏi {original.Tag} ông/bà đã gửi; cán bộ sẽ trả lời một lần, ở câu hỏi {original.Tag}. Xin cảm ơn ông/bà đã kiên nhẫn chờ.";

    /// <summary>How many tags one digest lists; the rest are counted.</summary>
    public const int DigestMaxTags = 100;

    /// <summary>The questions the hourly cap held back, in one message: tags only, to answer by /traloi or on the officer page.</summary>
    public static string Digest(IReadOnlyList<string> tags) =>
        $"📋 {tags.Count} câu hỏi khác đang chờ: {string.Join(", ", tags.Take(DigestMaxTags))}"
        + (tags.Count > DigestMaxTags ? $" và {tags.Count - DigestMaxTags} câu khác" : "")
        + " — xem trên trang cán bộ (/officer) hoặc gõ /cauhoi.\n\n"
        + "Trả lời bằng cách gõ: /traloi Q-XXXX <nội dung>. Trong một giờ, chỉ một số câu hỏi được chuyển riêng từng tin để nhóm không bị tràn tin nhắn.";

    public const string OfficerTitle = "Cán bộ Bộ phận Một cửa UBND xã";

    public const string LeaderTitle = "Lãnh đạo UBND xã";
}
