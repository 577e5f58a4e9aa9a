using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;

namespace CitizenBot.Host.Officer;

/// <summary>What officers are told about dossier imports.</summary>
internal static class ImportTexts
{
    public static string Interrupted(DossierImport import, CommuneClock clock) =>
        $"⚠️ Lần nhập tệp \"{import.FileName}\" lúc {clock.Moment(import.StartedAt)} bị gián đoạn (máy chủ dừng giữa chừng) sau khoảng {import.RowsDone} dòng. "
        + "Để hoàn tất, xin nhập lại đúng tệp này: các hồ sơ đã nhập sẽ không bị nhập trùng.";
}
