using CitizenBot.Core.Sweeps;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Privacy;

public sealed record PrivacyOptions
{
    /// <summary>Months after which conversations, messages, follows, bookings, questions and ratings are forgotten.</summary>
    public int RetentionMonths { get; init; } = 24;
}

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

/// <summary>The Hangfire job that forgets what is older than the retention period.</summary>
public sealed class RetentionSweep(IEnumerable<IPersonalDataHolder> holders, PrivacyOptions options, CommuneClock clock, ILogger<RetentionSweep> logger) : ISweep
{
    public const string JobId = "privacy-retention";
    string ISweep.Id => JobId;
    string ISweep.Cron => "0 2 * * *";
    bool ISweep.SendsWhatItQueued => false;
    bool ISweep.Retried => true;

    public int Run()
    {
        var before = clock.UtcNow.AddMonths(-options.RetentionMonths);
        var expired = holders.Sum(h => h.Expire(before));
        if (expired > 0)
        {
            logger.LogInformation("Retention sweep forgot {Count} records older than {Months} months", expired, options.RetentionMonths);
        }

        return expired;
    }
}

/// <summary>What the bot tells citizens about their data.</summary>
public static class PrivacyTexts
{
    public const string LegalBasis = "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP";

    public static string Notice(int retentionMonths) =>
        "🔒 Về dữ liệu cá nhân: để giải quyết việc của ông/bà, UBND xã lưu các tin nhắn, số điện thoại, họ tên và nội dung ông/bà gửi "
        + $"(lịch hẹn, kiến nghị, câu hỏi, đánh giá), chỉ dùng cho việc đó và xóa sau {retentionMonths} tháng không dùng đến. "
        + $"Ông/bà có quyền xem, tải về, xóa dữ liệu và rút lại sự đồng ý bất cứ lúc nào ở mục \"Dữ liệu của tôi\" ({LegalBasis}).";
}
