using CitizenBot.Core.Messaging;

namespace CitizenBot.Core.Privacy;

/// <summary>One record of a citizen's data as shown and exported to them: a title and its fields, in Vietnamese.</summary>
public sealed record PersonalRecord(string Title, IReadOnlyDictionary<string, string?> Fields);

/// <summary>What erasing one slice's data of a citizen did.</summary>
public sealed record ErasureResult(int Erased, int KeptByLaw = 0);

/// <summary>
/// A slice that holds citizens' personal data says what it holds about one chat, erases it on request, and
/// forgets what is older than the retention period (Law 91/2025/QH15 on personal data protection, Decree 356/2025).
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>The section title shown to the citizen, e.g. "Lịch hẹn tiếp công dân".</summary>
    string Section { get; }

    IEnumerable<PersonalRecord> Records(ChatAddress who);

    ErasureResult Erase(ChatAddress who);

    /// <summary>Erases or anonymises what was last used before <paramref name="before"/>; returns how many records.</summary>
    int Expire(DateTimeOffset before);
}
