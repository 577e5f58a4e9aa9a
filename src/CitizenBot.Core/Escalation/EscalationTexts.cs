using CitizenBot.Core.Dossiers;

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

    public const string OfficerTitle = "Cán bộ Bộ phận Một cửa UBND xã";

    public const string LeaderTitle = "Lãnh đạo UBND xã";
}
