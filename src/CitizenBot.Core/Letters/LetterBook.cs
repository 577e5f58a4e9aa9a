using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Letters;

/// <summary>
/// Writes letters: the letter record and its outbox message in one transaction, keyed by event and recipient,
/// so however many times an event is seen (two sweeps, a sweep after a crash, the dialog and then the sweep)
/// the citizen gets one letter.
/// </summary>
public sealed class LetterBook
{
    public const string CollectionName = "letters";
    private readonly CitizenDatabase _db;
    private readonly LetterTemplates _templates;
    private readonly CommuneOptions _commune;
    private readonly CommuneClock _clock;

    public LetterBook(CitizenDatabase db, LetterTemplates templates, CommuneOptions commune, CommuneClock clock)
    {
        _db = db;
        _templates = templates;
        _commune = commune;
        _clock = clock;
        db.EnsureIndexes<Letter>(CollectionName, letters =>
        {
            letters.EnsureIndex(l => l.SentAt);
            letters.EnsureIndex(l => l.AddressKey);
        });
    }

    public static string OutboxKey(string letterId) => "letter:" + letterId;

    /// <summary>Writes the letter for an event unless it was written already; true when it was written now.</summary>
    public bool Deliver(LetterEvent letter)
    {
        var id = Letter.IdFor(letter.EventKey, letter.To.Key);
        if (_db.Collection<Letter>(CollectionName).FindById(id) is not null)
        {
            return false;
        }

        var values = new Dictionary<string, string>(letter.Values) { ["xa"] = _commune.Name };
        values.TryAdd("ten", "ông/bà");
        var text = LetterTemplates.Render(_templates.Get(letter.Kind), values);
        return _db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<Letter>(CollectionName);
            if (col.FindById(id) is not null)
            {
                return false;
            }

            var now = _clock.UtcNow;
            col.Insert(new Letter { Id = id, Kind = letter.Kind, EventKey = letter.EventKey, AddressKey = letter.To.Key, Subject = letter.Subject, SentAt = now });
            Outbox.AddNew(tx, [OutboxMessage.Create(OutboxKey(id), letter.To, new OutgoingMessage(text), now)]);
            return true;
        });
    }

    /// <summary>Letters sent in [from, to), counted by kind through the index on the sending time.</summary>
    public Dictionary<LetterKind, int> CountByKind(DateTimeOffset from, DateTimeOffset to)
    {
        var counts = Enum.GetValues<LetterKind>().ToDictionary(k => k, _ => 0);
        foreach (var letter in _db.Collection<Letter>(CollectionName).Find(l => l.SentAt >= from && l.SentAt < to))
        {
            counts[letter.Kind]++;
        }

        return counts;
    }
}
