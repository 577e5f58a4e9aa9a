using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Letters;

/// <summary>Names of the letter kinds as the communes' reports write them.</summary>
public static class LetterNames
{
    public static string Of(LetterKind kind) => kind switch
    {
        LetterKind.BirthCongratulation => "Thư chúc mừng đăng ký khai sinh",
        LetterKind.MarriageCongratulation => "Thư chúc mừng đăng ký kết hôn",
        LetterKind.DeathCondolence => "Thư chia buồn",
        LetterKind.LateApology => "Thư xin lỗi",
        LetterKind.PetitionThanks => "Thư cảm ơn người gửi kiến nghị",
        _ => "Thư cảm ơn người đánh giá",
    };

    /// <summary>Short names for the admin's template command.</summary>
    public static readonly IReadOnlyDictionary<string, LetterKind> Short = new Dictionary<string, LetterKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["khaisinh"] = LetterKind.BirthCongratulation,
        ["kethon"] = LetterKind.MarriageCongratulation,
        ["chiabuon"] = LetterKind.DeathCondolence,
        ["xinloi"] = LetterKind.LateApology,
        ["camondon"] = LetterKind.PetitionThanks,
        ["camondanhgia"] = LetterKind.RatingThanks,
    };

    public static string ShortOf(LetterKind kind) => Short.First(p => p.Value == kind).Key;

    /// <summary>How a citizen is addressed in a letter: "ông/bà Trần Văn Cường", or "ông/bà" when the name is not known.</summary>
    public static string Addressee(string? name) => string.IsNullOrWhiteSpace(name) ? "ông/bà" : "ông/bà " + name.Trim();

    /// <summary>What a letter was about, as the citizen reads it in "Dữ liệu của tôi": a code stays a code, a rating becomes words.</summary>
    public static string SubjectInWords(string subject) =>
        subject.StartsWith("rating:", StringComparison.Ordinal) ? "lượt đánh giá sự phục vụ của ông/bà"
        : subject.Length == 0 ? "—"
        : subject;

    public static string Date(CommuneClock clock, DateTimeOffset at) => VietnameseFormat.Date(clock.LocalDate(at));
}
