using System.Text.RegularExpressions;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Letters;

/// <summary>A template an admin changed; the built-in text applies until one exists.</summary>
public sealed class LetterTemplate
{
    /// <summary>The kind's name, e.g. "BirthCongratulation".</summary>
    [BsonId]
    public string Id { get; set; } = "";

    public LetterKind Kind { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

public enum TemplateChange
{
    Saved,
    TooShort,
    TooLong,
    UnknownPlaceholder,
}

/// <summary>
/// The letters' texts, one template per kind, kept in LiteDB so an admin edits them while the bot runs
/// (command /mauthu or the officer page), with placeholders for the commune, the citizen and the date.
/// </summary>
public sealed partial class LetterTemplates(CitizenDatabase db)
{
    public const string CollectionName = "letter_templates";
    public const int MinLength = 20;
    public const int MaxLength = 3000;

    /// <summary>The placeholders a template may use, with what they become.</summary>
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["xa"] = "tên xã (UBND xã …)",
        ["ten"] = "\"ông/bà\" và họ tên công dân (ông/bà Trần Văn Cường), hoặc \"ông/bà\" khi không rõ tên",
        ["ngay"] = "ngày của sự việc (dd/MM/yyyy)",
        ["ma"] = "mã hồ sơ, mã đơn",
        ["viec"] = "việc được nói tới (hồ sơ, đơn, lĩnh vực được đánh giá)",
        ["hen_moi"] = "lời hẹn mới (thư xin lỗi)",
    };

    public static readonly IReadOnlyDictionary<LetterKind, string> Defaults = new Dictionary<LetterKind, string>
    {
        [LetterKind.BirthCongratulation] =
            "💌 THƯ CHÚC MỪNG\n\nKính gửi {ten},\n\n{xa} xin chúc mừng gia đình ông/bà đã đăng ký khai sinh cho cháu ngày {ngay} ({viec}). "
            + "Chúc cháu bé luôn khỏe mạnh, ngoan ngoãn, chúc gia đình luôn hạnh phúc!\n\nTrân trọng,\n{xa}",
        [LetterKind.MarriageCongratulation] =
            "💐 THƯ CHÚC MỪNG\n\nKính gửi {ten},\n\n{xa} xin chúc mừng ông/bà đã đăng ký kết hôn ngày {ngay} ({viec}). "
            + "Chúc hai bạn trăm năm hạnh phúc, cùng nhau xây dựng gia đình no ấm, bình đẳng, tiến bộ!\n\nTrân trọng,\n{xa}",
        [LetterKind.DeathCondolence] =
            "🕯 THƯ CHIA BUỒN\n\nKính gửi {ten} và gia quyến,\n\n{xa} xin gửi lời chia buồn sâu sắc tới gia đình trước sự ra đi của người thân "
            + "(đăng ký khai tử ngày {ngay}, {viec}). Kính mong gia đình sớm vượt qua nỗi đau này.\n\nThành kính chia buồn,\n{xa}",
        [LetterKind.LateApology] =
            "🙏 THƯ XIN LỖI\n\nKính gửi {ten},\n\n{xa} thành thật xin lỗi ông/bà vì {viec} chưa được giải quyết đúng hạn ngày {ngay}. "
            + "Chúng tôi {hen_moi}. Mong ông/bà thông cảm.\n\nTrân trọng,\n{xa}",
        [LetterKind.PetitionThanks] =
            "💌 THƯ CẢM ƠN\n\nKính gửi {ten},\n\n{xa} trân trọng cảm ơn ông/bà đã gửi {viec}, đã được trả lời ngày {ngay}. "
            + "Mỗi ý kiến của Nhân dân đều được chính quyền lắng nghe, góp phần xây dựng quê hương ngày càng tốt đẹp.\n\nTrân trọng,\n{xa}",
        [LetterKind.RatingThanks] =
            "💌 THƯ CẢM ƠN\n\nKính gửi {ten},\n\n{xa} chân thành cảm ơn ông/bà đã dành thời gian đánh giá sự phục vụ ({viec}) ngày {ngay}. "
            + "Ý kiến của ông/bà giúp cán bộ xã phục vụ Nhân dân tốt hơn.\n\nTrân trọng,\n{xa}",
    };

    /// <summary>The current text of a kind: the admin's if one was saved, else the built-in one.</summary>
    public string Get(LetterKind kind) => db.Collection<LetterTemplate>(CollectionName).FindById(kind.ToString())?.Text ?? Defaults[kind];

    public bool IsCustom(LetterKind kind) => db.Collection<LetterTemplate>(CollectionName).FindById(kind.ToString()) is not null;

    /// <summary>Saves an admin's text after checking its length and placeholders; the change is audited (kind only).</summary>
    public (TemplateChange Outcome, IReadOnlyList<string> Unknown) Set(LetterKind kind, string text, string actor, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.Length < MinLength)
        {
            return (TemplateChange.TooShort, []);
        }

        if (text.Length > MaxLength)
        {
            return (TemplateChange.TooLong, []);
        }

        var unknown = UnknownPlaceholders(text);
        if (unknown.Count > 0)
        {
            return (TemplateChange.UnknownPlaceholder, unknown);
        }

        db.WriteTransaction(tx =>
        {
            tx.GetCollection<LetterTemplate>(CollectionName).Upsert(new LetterTemplate { Id = kind.ToString(), Kind = kind, Text = text, UpdatedAt = now, UpdatedBy = actor });
            AuditLog.Add(tx, now, actor, "letter.template", kind.ToString());
            return true;
        });
        return (TemplateChange.Saved, []);
    }

    /// <summary>Goes back to the built-in text.</summary>
    public void Reset(LetterKind kind, string actor, DateTimeOffset now) => db.WriteTransaction(tx =>
    {
        tx.GetCollection<LetterTemplate>(CollectionName).Delete(kind.ToString());
        AuditLog.Add(tx, now, actor, "letter.template.reset", kind.ToString());
        return true;
    });

    /// <summary>Values an admin's preview fills the placeholders with: the commune's own name and an example citizen.</summary>
    public static IReadOnlyDictionary<string, string> SampleValues(string communeName, DateOnly day) => new Dictionary<string, string>
    {
        ["xa"] = communeName,
        ["ten"] = LetterNames.Addressee("Nguyễn Văn An"),
        ["ngay"] = Commune.VietnameseFormat.Date(day),
        ["ma"] = "HS-2611-0001",
        ["viec"] = "hồ sơ HS-2611-0001",
        ["hen_moi"] = $"sẽ trả kết quả trước ngày {Commune.VietnameseFormat.Date(day.AddDays(3))}",
    };

    public static List<string> UnknownPlaceholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(name => !Placeholders.ContainsKey(name)).Distinct()];

    /// <summary>Fills the placeholders; one without a value becomes empty rather than showing braces to a citizen.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : "");

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
