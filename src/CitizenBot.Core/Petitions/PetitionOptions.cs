namespace CitizenBot.Core.Petitions;

/// <summary>Answer deadlines per kind (working days) and the key that seals denouncers' identities.</summary>
public sealed class PetitionOptions
{
    public IReadOnlyDictionary<PetitionKind, int> WorkingDays { get; init; } = new Dictionary<PetitionKind, int>
    {
        [PetitionKind.Feedback] = 10,
        [PetitionKind.Complaint] = 30,
        [PetitionKind.Denunciation] = 30,
    };

    /// <summary>How many more working days the commune promises when it apologises for a late answer.</summary>
    public int ExtensionWorkingDays { get; init; } = 5;

    /// <summary>How many days after an answer its author may ask for the petition to be looked at again (Petitions:ReopenDays).</summary>
    public int ReopenDays { get; init; } = 30;

    /// <summary>32 bytes for AES-256-GCM, from configuration (Petitions:IdentityKey, base64).</summary>
    public required byte[] IdentityKey { get; init; }

    /// <summary>Public holidays, which are not working days.</summary>
    public Func<DateOnly, bool> IsHoliday { get; init; } = _ => false;

    public static bool AllowsAnonymity(PetitionKind kind) => kind == PetitionKind.Feedback;
}
