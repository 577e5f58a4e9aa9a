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
        // Labels in Vietnamese: the file is read by the citizen, not by a program.
        var document = new Dictionary<string, object>
        {
            ["Cơ quan"] = commune.Name,
            ["Ngày xuất"] = clock.LocalNow.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Căn cứ pháp lý"] = PrivacyTexts.LegalBasis,
            ["Dữ liệu"] = Collect(who).ToDictionary(s => s.Section, s => s.Records.Select(r => new Dictionary<string, object?> { ["Mục"] = r.Title, ["Chi tiết"] = r.Fields }).ToList()),
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
