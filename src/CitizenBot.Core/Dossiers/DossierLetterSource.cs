using CitizenBot.Core.Commune;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;

namespace CitizenBot.Core.Dossiers;

/// <summary>
/// The dossier events of the letter system, for the chats that follow a dossier (the only way the bot knows who
/// applied): a birth, marriage or death registration resolved, and a due date passed without a result.
/// </summary>
public sealed class DossierLetterSource(FollowBook follows, DossierBook dossiers, CommuneClock clock) : ILetterSource
{
    /// <summary>Which letter a resolved procedure earns, by words of its name (without diacritics).</summary>
    public static LetterKind? KindFor(string procedure)
    {
        var folded = TextMatching.Fold(procedure);
        return folded.Contains("khai sinh", StringComparison.Ordinal) ? LetterKind.BirthCongratulation
            : folded.Contains("ket hon", StringComparison.Ordinal) ? LetterKind.MarriageCongratulation
            : folded.Contains("khai tu", StringComparison.Ordinal) ? LetterKind.DeathCondolence
            : null;
    }

    public IEnumerable<LetterEvent> Events(DateTimeOffset since)
    {
        foreach (var follow in follows.Active())
        {
            if (dossiers.Get(follow.DossierCode) is not { } dossier)
            {
                continue;
            }

            var to = ChatAddress.Parse(follow.AddressKey);
            var values = new Dictionary<string, string>
            {
                ["ten"] = LetterNames.Addressee(dossier.Applicant),
                ["ma"] = dossier.Code,
                ["viec"] = $"hồ sơ {dossier.Code} – {dossier.Procedure}",
            };
            if (dossier.Status == DossierStatus.Resolved && dossier.ResolvedAt is { } resolved && resolved >= since && KindFor(dossier.Procedure) is { } kind)
            {
                yield return new LetterEvent(kind, $"dossier:{dossier.Code}:{kind}", to, dossier.Code,
                    new Dictionary<string, string>(values) { ["ngay"] = LetterNames.Date(clock, resolved) });
            }

            if (!dossier.IsFinished && clock.LocalDate(dossier.DueAt) < clock.Today)
            {
                // One apology per due date: a new, later due date that passes again earns a new one.
                yield return new LetterEvent(LetterKind.LateApology, $"dossier:{dossier.Code}:late:{dossier.DueAt.ToUnixTimeSeconds()}", to, dossier.Code,
                    new Dictionary<string, string>(values)
                    {
                        ["ngay"] = LetterNames.Date(clock, dossier.DueAt),
                        ["hen_moi"] = "đang khẩn trương giải quyết và sẽ báo ngay ngày hẹn trả kết quả mới cho ông/bà",
                    });
            }
        }
    }
}
