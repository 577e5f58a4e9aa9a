using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Commune;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Letters;

public sealed record LetterOptions
{
    /// <summary>Events older than this get no letter: a first import of years of history congratulates no one.</summary>
    public int LookbackDays { get; init; } = 30;
}

/// <summary>
/// The Hangfire job of the letter system: asks every slice for the events that call for a letter and writes
/// each one's letter once. It can stop at any point (a crash, a kill) and run again: letters already written
/// are skipped by their key, the others are written.
/// </summary>
public sealed class LetterSweep(IEnumerable<ILetterSource> sources, LetterBook letters, LetterOptions options, CommuneClock clock, ILogger<LetterSweep> logger) : ISweep
{
    public const string JobId = "letters";
    string ISweep.Id => JobId;
    string ISweep.Cron => "* * * * *";

    public int Run()
    {
        var since = clock.UtcNow - TimeSpan.FromDays(options.LookbackDays);
        var written = 0;
        foreach (var source in sources)
        {
            foreach (var letter in source.Events(since))
            {
                if (letters.Deliver(letter))
                {
                    written++;
                }
            }
        }

        if (written > 0)
        {
            logger.LogInformation("Letter sweep wrote {Count} letters", written);
        }

        return written;
    }
}

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

    public static string Date(CommuneClock clock, DateTimeOffset at) => VietnameseFormat.Date(clock.LocalDate(at));
}
