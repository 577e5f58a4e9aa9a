using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// What the Zalo channel itself keeps about a Zalo user: their reply window (Zalo user id, when they last wrote, whether
/// they follow the OA) and the webhook events received from them (bodies sealed, emptied once handled, kept three days
/// for Zalo's retries; their key and user id only as keyed hashes, found here by the hash of the user's id). Village
/// subscriptions, followed dossiers, conversations and messages sent are their slices' own.
/// </summary>
public sealed class ZaloPersonalData(ReplyWindows contacts, ChannelInbox inbox, CommuneClock clock) : IPersonalDataHolder
{
    public string Section => "Kênh Zalo";

    public IEnumerable<PersonalRecord> Records(ChatAddress who)
    {
        if (who.Channel != ZaloChannelSender.ChannelName)
        {
            yield break;
        }

        if (contacts.Get(who.ChatId) is { } contact)
        {
            yield return new PersonalRecord("Liên hệ qua Zalo", new Dictionary<string, string?>
            {
                ["Mã người dùng Zalo"] = contact.Id,
                ["Lần nhắn gần nhất"] = contact.LastInboundAt is { } last ? clock.Moment(last) : null,
                ["Đang quan tâm Official Account của xã"] = contact.Following ? "Có" : "Không",
                ["Số tin xã đã trả lời từ lần nhắn gần nhất"] = contact.RepliesInWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        foreach (var e in inbox.Of(who.ChatId))
        {
            yield return new PersonalRecord("Tin Zalo nhận lúc " + clock.Moment(e.ReceivedAt), new Dictionary<string, string?>
            {
                ["Trạng thái"] = e.Done ? "Đã xử lý, nội dung đã xoá (chỉ giữ một mã băm của tin, không đọc ngược ra được, để không xử lý lại khi Zalo gửi lặp)" : "Đang xử lý",
            });
        }
    }

    public ErasureResult Erase(ChatAddress who) => who.Channel != ZaloChannelSender.ChannelName
        ? new ErasureResult(0)
        : new ErasureResult(contacts.Erase(who.ChatId) + inbox.Erase(who.ChatId));

    public int Expire(DateTimeOffset before) => contacts.Expire(before) + inbox.PruneAsync(before).GetAwaiter().GetResult();
}
