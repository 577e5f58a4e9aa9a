using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;

namespace CitizenBot.Host.Demo;

/// <summary>
/// A small demo commune for a first run on an empty data folder, so every flow can be tried at once:
/// dossiers HS-DEMO-0001 to HS-DEMO-0036 in every status, some due soon, some overdue.
/// Each applicant's phone ends in 50 followed by the dossier's two last digits (HS-DEMO-0001: 5001).
/// </summary>
public static class DemoCommune
{
    private static readonly (string Procedure, string Field)[] Procedures =
    [
        ("Đăng ký khai sinh", "Hộ tịch"),
        ("Đăng ký kết hôn", "Hộ tịch"),
        ("Đăng ký khai tử", "Hộ tịch"),
        ("Chứng thực bản sao từ bản chính", "Chứng thực"),
        ("Trợ cấp xã hội hằng tháng", "Bảo trợ xã hội"),
        ("Xác nhận nguồn gốc đất", "Đất đai"),
    ];

    private static readonly string[] Names = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Hoa"];

    public static int SeedIfEmpty(DossierBook store, CommuneClock clock)
    {
        if (store.Count() > 0)
        {
            return 0;
        }

        var today = clock.Today.ToDateTime(TimeOnly.MinValue);
        var statuses = new[] { DossierStatus.InProgress, DossierStatus.InProgress, DossierStatus.Received, DossierStatus.AwaitingSupplement, DossierStatus.Resolved, DossierStatus.Resolved };
        var channels = new[] { DossierChannel.Direct, DossierChannel.OnlinePartial, DossierChannel.OnlineFull, DossierChannel.OnlinePartial, DossierChannel.Postal, DossierChannel.OnlineFull };
        var dossiers = new List<Dossier>();
        for (var n = 1; n <= 36; n++)
        {
            var (procedure, field) = Procedures[n % Procedures.Length];
            var status = statuses[n % statuses.Length];
            var received = today.AddDays(-(n % 12) - 3);

            // Every fifth open dossier is overdue, so the apology can be seen.
            var due = status != DossierStatus.Resolved && n % 5 == 2 ? today.AddDays(-2) : received.AddDays(7 + (n % 5));
            var code = $"HS-DEMO-{n:0000}";
            var key = DossierCode.Key(code);
            dossiers.Add(new Dossier
            {
                Code = code,
                LookupKey = key,
                NumberKey = DossierCode.NumberKey(key),
                Procedure = procedure,
                Field = field,
                Applicant = Names[n % Names.Length],
                Phone = $"091234{50 + (n / 100):00}{n % 100:00}",
                Channel = channels[n % channels.Length],
                ReceivedAt = clock.FromLocal(received.AddHours(8)),
                DueAt = clock.FromLocal(due),
                Status = status,
                ResolvedAt = status == DossierStatus.Resolved ? clock.FromLocal(received.AddDays(5)) : null,
            });
        }

        store.Upsert(dossiers, clock.UtcNow);
        return dossiers.Count;
    }
}
