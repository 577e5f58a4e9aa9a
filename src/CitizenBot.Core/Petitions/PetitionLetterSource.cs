using CitizenBot.Core.Commune;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Petitions;

/// <summary>
/// The petition events of the letter system: a thank-you when a petition is answered, an apology with the new
/// date when a due date is missed. Letters are stored in clear with their chat, so a denouncer's letter names neither
/// them nor the petition (its code, its kind), and its keys are opaque.
/// </summary>
public sealed class PetitionLetterSource(CitizenDatabase db, PetitionBook petitions, IdentitySeal seal, CommuneClock clock) : ILetterSource
{
    public IEnumerable<LetterEvent> Events(DateTimeOffset since)
    {
        var col = db.Collection<Petition>(PetitionBook.CollectionName);
        foreach (var petition in col.Find(p => p.AnsweredAt >= since))
        {
            if (Recipient(petition) is { } to && petition.AnsweredAt is { } answered)
            {
                yield return new LetterEvent(LetterKind.PetitionThanks, Key(petition, $"petition:{petition.Code}:thanks"), to, Subject(petition),
                    Values(petition, answered));
            }
        }

        foreach (var petition in col.Find(p => p.LastDelayAt >= since))
        {
            if (Recipient(petition) is not { } to)
            {
                continue;
            }

            foreach (var delay in petition.Delays.Where(d => d.At >= since))
            {
                var values = Values(petition, delay.MissedDueAt);
                values["hen_moi"] = $"hẹn trả lời ông/bà trước ngày {VietnameseFormat.DateWithWeekday(clock.LocalDate(delay.NewDueAt))} và đã nhắc cán bộ phụ trách";
                if (petition.Kind == PetitionKind.Denunciation)
                {
                    values["viec"] = "đơn của ông/bà";
                }

                yield return new LetterEvent(LetterKind.LateApology, Key(petition, $"petition:{petition.Code}:late:{delay.MissedDueAt.ToUnixTimeSeconds()}"), to,
                    Subject(petition), values);
            }
        }
    }

    private ChatAddress? Recipient(Petition petition) => petitions.AddressOf(petition) is { } address ? ChatAddress.Parse(address) : null;

    private string Key(Petition petition, string key) => petition.Kind == PetitionKind.Denunciation ? seal.OpaqueKey(key) : key;

    private static string Subject(Petition petition) => petition.Kind == PetitionKind.Denunciation ? "Đơn (bảo mật)" : petition.Code;

    private Dictionary<string, string> Values(Petition petition, DateTimeOffset date) => petition.Kind == PetitionKind.Denunciation ? new()
    {
        ["ten"] = LetterNames.Addressee(null),
        ["ma"] = "",
        ["viec"] = "đơn",
        ["ngay"] = LetterNames.Date(clock, date),
    } : new()
    {
        ["ten"] = LetterNames.Addressee(petition.Anonymous ? null : petition.ContactName),
        ["ma"] = petition.Code,
        ["viec"] = $"đơn {PetitionTexts.Kind(petition.Kind).ToLowerInvariant()} {petition.Code}",
        ["ngay"] = LetterNames.Date(clock, date),
    };
}
