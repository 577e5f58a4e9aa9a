using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;

namespace CitizenBot.Core.Petitions.WebPhotos;

/// <summary>The photos a web conversation sent: shown in "Dữ liệu của tôi", erased on request unless a petition still being handled holds them.</summary>
public sealed class WebPhotoPersonalData(WebPhotoBook photos, CommuneClock clock) : IPersonalDataHolder
{
    public string Section => "Ảnh ông/bà gửi qua trang web";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        who.Channel != ChatAddress.WebChannel ? [] : photos.Of(who).Select(p => new PersonalRecord($"Ảnh gửi lúc {clock.Moment(p.CreatedAt)}", new Dictionary<string, string?>
        {
            ["Kích thước"] = $"{Math.Max(1, p.Size / 1024)} KB",
            ["Kèm theo đơn"] = photos.PetitionHolding(p)?.Code ?? "chưa kèm theo đơn nào (sẽ tự xóa sau một ngày)",
        }));

    public ErasureResult Erase(ChatAddress who) => who.Channel != ChatAddress.WebChannel ? new ErasureResult(0) : photos.Erase(who);

    /// <summary>Photos follow their petition (archived, not expired); those no petition holds go within a day (<see cref="WebPhotoSweep"/>).</summary>
    public int Expire(DateTimeOffset before) => 0;
}
