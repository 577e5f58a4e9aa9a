using CitizenBot.Core.Sweeps;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Privacy;

/// <summary>A citizen's rights over their data: see it, export it, erase it, withdraw consent. Every erasure is audited (no data).</summary>
public sealed class PrivacyOffice(IEnumerable<IPersonalDataHolder> holders, CitizenDatabase db, CommuneOptions commune, CommuneClock clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<(string Section, List<PersonalRecord> Records)> Collect(ChatAddress who) =>
        [.. holders.Select(h => (h.Section, h.Records(who).ToList()))];

    /// <summary>Everything held about the chat, as a JSON file the citizen can keep or take elsewhere.</summary>
    public FileAttachment Export(ChatAddress who)
    {
        var document = new
        {
            coQuan = commune.Name,
            ngayXuat = clock.LocalNow.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            canCuPhapLy = PrivacyTexts.LegalBasis,
            duLieu = Collect(who).ToDictionary(s => s.Section, s => s.Records.Select(r => new { r.Title, r.Fields }).ToList()),
        };
        return new FileAttachment($"du-lieu-ca-nhan-{clock.Today:yyyyMMdd}.json", "application/json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document, Json)));
    }

    /// <summary>Erases what may be erased; petitions still being handled are kept, as the law on complaints requires.</summary>
    public ErasureResult Erase(ChatAddress who, bool withdrawConsent)
    {
        int erased = 0, kept = 0;
        foreach (var holder in holders)
        {
            var result = holder.Erase(who);
            erased += result.Erased;
            kept += result.KeptByLaw;
        }

        db.WriteTransaction(tx =>
        {
            AuditLog.Add(tx, clock.UtcNow, "citizen", withdrawConsent ? "privacy.withdraw" : "privacy.erase", $"{who.Channel}, {erased} records");
            return true;
        });
        return new ErasureResult(erased, kept);
    }
}
