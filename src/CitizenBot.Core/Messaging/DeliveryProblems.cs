using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Messaging;

/// <summary>One message the bot could not deliver, as the desk sees it: what kind, to which channel, why; never its text or the chat.</summary>
public sealed record DeliveryProblem(long Id, string Kind, string Channel, OutboxStatus Status, string Reason, DateTimeOffset CreatedAt, int Attempts);

/// <summary>
/// The outbox messages that failed or may not have arrived (a send cut short), newest first, for the console's home page.
/// Read only; the reason is the channel's short error, the kind is read from the message's key.
/// </summary>
public static class DeliveryProblems
{
    public static List<DeliveryProblem> Recent(CitizenDatabase db, DateTimeOffset since, int count) =>
        [.. db.Collection<OutboxMessage>(Outbox.CollectionName)
            .Find(Query.And(
                Query.Or(Query.EQ(nameof(OutboxMessage.Status), OutboxStatus.Failed.ToString()), Query.EQ(nameof(OutboxMessage.Status), OutboxStatus.Unconfirmed.ToString())),
                Query.GTE(nameof(OutboxMessage.CreatedAt), since.UtcDateTime)))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(count)
            .Select(m => new DeliveryProblem(m.Id, KindOf(m.Key), m.AddressKey.Split(':')[0], m.Status, Reason(m), m.CreatedAt, m.Attempts))];

    /// <summary>What the message was, from its key's first part, in the desk's words.</summary>
    public static string KindOf(string key) => key.Split(':')[0] switch
    {
        "question" => "Câu hỏi / trả lời câu hỏi",
        "questions-digest" => "Danh sách câu hỏi chờ",
        "rating" => "Đánh giá",
        "petition" => "Kiến nghị",
        "booking" or "reception" or "reminder" => "Lịch tiếp công dân",
        "dossier" or "follow" => "Hồ sơ",
        "announcement" or "announce" or "announcement-report" => "Thông báo",
        "weblogin" => "Mã đăng nhập trang cán bộ",
        "summary" => "Báo cáo tháng",
        "letter" => "Thư gửi công dân",
        _ => "Tin nhắn",
    };

    private static string Reason(OutboxMessage message)
    {
        var error = message.Error ?? "";
        if (message.Status == OutboxStatus.Unconfirmed)
        {
            return "Đang gửi thì máy chủ dừng: không chắc đã tới nơi, nên không gửi lại.";
        }

        if (error.Contains("blocked", StringComparison.OrdinalIgnoreCase))
        {
            return "Người nhận đã chặn bot.";
        }

        if (error.Contains("chat not found", StringComparison.OrdinalIgnoreCase) || error.Contains("kicked", StringComparison.OrdinalIgnoreCase))
        {
            return "Không tìm thấy cuộc trò chuyện (bot đã bị xóa khỏi nhóm hoặc người nhận đã xóa).";
        }

        // The channel's own short error (English, no personal data), bounded for the page.
        return error.Length == 0 ? "Không rõ lý do." : error.Length > 200 ? error[..200] + "…" : error;
    }
}
