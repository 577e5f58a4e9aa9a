using CitizenBot.Core.Commune;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Petitions;

/// <summary>
/// The petition events of the letter system: a thank-you when a petition is answered, an apology with the new
/// date when a due date is missed. A denouncer's letter never names them: the outbox is not sealed.
/// </summary>
public sealed class PetitionLetterSource(CitizenDatabase db, PetitionBook petitions, CommuneClock clock) : ILetterSource
{
    public IEnumerable<LetterEvent> Events(DateTimeOffset since)
    {
        var col = db.Collection<Petition>(PetitionBook.CollectionName);
        foreach (var petition in col.Find(p => p.AnsweredAt >= since))
        {
            if (Recipient(petition) is { } to && petition.AnsweredAt is { } answered)
            {
                yield return new LetterEvent(LetterKind.PetitionThanks, $"petition:{petition.Code}:thanks", to, petition.Code,
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
                yield return new LetterEvent(LetterKind.LateApology, $"petition:{petition.Code}:late:{delay.MissedDueAt.ToUnixTimeSeconds()}", to, petition.Code, values);
            }
        }
    }

    private ChatAddress? Recipient(Petition petition) => petitions.AddressOf(petition) is { } address ? ChatAddress.Parse(address) : null;

    private Dictionary<string, string> Values(Petition petition, DateTimeOffset date) => new()
    {
        ["ten"] = petition.Kind != PetitionKind.Denunciation && !petition.Anonymous && petition.ContactName is { Length: > 0 } name ? name : "ông/bà",
        ["ma"] = petition.Code,
        ["viec"] = $"đơn {PetitionTexts.Kind(petition.Kind).ToLowerInvariant()} {petition.Code}",
        ["ngay"] = LetterNames.Date(clock, date),
    };
}
