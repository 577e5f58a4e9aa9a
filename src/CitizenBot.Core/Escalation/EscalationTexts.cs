namespace CitizenBot.Core.Escalation;

/// <summary>The relay officers see: the question, its tag and where the citizen was; no name, no phone.</summary>
public static class EscalationTexts
{
    public static string Relay(OfficerQuestion question, string flowName) =>
        $"❓ Câu hỏi mới {question.Tag} từ công dân (kênh {question.AddressKey.Split(':')[0]}, đang ở mục: {flowName}):\n\n{question.Text}\n\n"
        + $"Trả lời bằng cách trả lời (reply) tin nhắn này, hoặc ghi mã {question.Tag} ở đầu câu trả lời.";
}
