using CitizenBot.Core.Commune;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Petitions;

public enum PetitionChange
{
    Changed,
    NotFound,
    NotAllowed,
    Forbidden,
}

/// <summary>What came of a citizen's request to look at an answered petition again.</summary>
public enum ReopenRequest
{
    Reopened,

    /// <summary>Not one of the citizen's petitions (or no such code).</summary>
    NotFound,

    /// <summary>Not answered yet (still in work), or ended otherwise (rejected, transferred).</summary>
    NotAnswered,

    /// <summary>Answered more than <see cref="PetitionOptions.ReopenDays"/> days ago.</summary>
    TooLate,
}

/// <summary>
/// Petitions: submitted, moved through their life by officers, each change recorded with who and when and
/// told to the citizen in the same transaction. A denunciation is handled only by leaders.
/// </summary>
public sealed class PetitionBook : ICitizenDirectory
{
    public const string CollectionName = "petitions";

    private static readonly Dictionary<PetitionStatus, PetitionStatus[]> Allowed = new()
    {
        [PetitionStatus.Received] = [PetitionStatus.Assigned, PetitionStatus.InProgress, PetitionStatus.Answered, PetitionStatus.Transferred, PetitionStatus.Rejected],
        [PetitionStatus.Assigned] = [PetitionStatus.Assigned, PetitionStatus.InProgress, PetitionStatus.Answered, PetitionStatus.Transferred, PetitionStatus.Rejected],
        [PetitionStatus.InProgress] = [PetitionStatus.Assigned, PetitionStatus.Answered, PetitionStatus.Transferred, PetitionStatus.Rejected],
        [PetitionStatus.Answered] = [PetitionStatus.Closed],
    };

    private readonly CitizenDatabase _db;
    private readonly PetitionOptions _options;
    private readonly IdentitySeal _seal;
    private readonly DataSeal _dataSeal;
    private readonly EscalationOptions _escalation;
    private readonly CommuneClock _clock;

    public PetitionBook(CitizenDatabase db, PetitionOptions options, IdentitySeal seal, DataSeal dataSeal, EscalationOptions escalation, CommuneClock clock)
    {
        _dataSeal = dataSeal;
        _db = db;
        _options = options;
        _seal = seal;
        _escalation = escalation;
        _clock = clock;
        db.EnsureIndexes<Petition>(CollectionName, col =>
        {
            col.EnsureIndex(p => p.Code, unique: true);
            col.EnsureIndex(p => p.AddressKey);
            col.EnsureIndex(p => p.Kind);
            col.EnsureIndex(p => p.Status);
            col.EnsureIndex(p => p.ReceivedAt);
            col.EnsureIndex(p => p.AnsweredAt);
            col.EnsureIndex(p => p.LastDelayAt);
        });
        UnlinkOldLookups();
    }

    public PetitionOptions Options => _options;

    /// <summary>The shortest answer, reason or body name an officer may give (the chat's commands and the console alike).</summary>
    public const int MinNote = 2;

    public const int MaxNote = 3000;

    /// <summary>Whether a petition in <paramref name="from"/> may be moved to <paramref name="to"/> (what the console offers).</summary>
    public static bool CanChange(PetitionStatus from, PetitionStatus to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Whether an officer may take it back to work (an answered or closed petition).</summary>
    public static bool CanReopen(PetitionStatus status) => status is PetitionStatus.Answered or PetitionStatus.Closed;

    /// <summary>How the citizen is told who acted: a leader, or the one-stop desk's officer.</summary>
    public static string TitleOf(UserRole role) => role >= UserRole.Leader ? EscalationTexts.LeaderTitle : EscalationTexts.OfficerTitle;

    /// <param name="receipt">The citizen's receipt, queued in the same transaction: a petition is never received untold.</param>
    public Petition Submit(PetitionDraft draft, Func<Petition, OutgoingMessage>? receipt = null) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Petition>(CollectionName);
        var now = _clock.UtcNow;
        var denunciation = draft.Kind == PetitionKind.Denunciation;
        var anonymous = draft.Anonymous && PetitionOptions.AllowsAnonymity(draft.Kind);
        var petition = new Petition
        {
            Code = NewCode(col, draft.Kind),
            Kind = draft.Kind,
            Topic = draft.Topic,
            Village = draft.Village,
            Content = draft.Content,
            Photos = [.. draft.Photos],
            Latitude = draft.Location?.Latitude,
            Longitude = draft.Location?.Longitude,
            Anonymous = anonymous,
            AddressKey = denunciation ? "" : draft.AddressKey,
            AuthorLookup = "",
            ContactName = denunciation || anonymous ? null : draft.Name,
            ContactPhone = denunciation || anonymous ? null : draft.Phone,
            SealedIdentity = denunciation ? _seal.Seal(new PetitionIdentity(draft.AddressKey, draft.Name, draft.Phone)) : null,
            Status = PetitionStatus.Received,
            ReceivedAt = now,
            DueAt = EndOfDay(WorkingDays.Add(_clock.Today, _options.WorkingDays[draft.Kind], _options.IsHoliday)),
            History = [new PetitionEvent { Seq = 1, Status = PetitionStatus.Received, At = now, ByRole = PetitionTexts.CitizenRole, By = "citizen" }],
        };
        if (denunciation)
        {
            petition.AuthorLookup = _seal.Lookup(draft.AddressKey, petition.Code);
        }

        col.Insert(petition);
        if (_escalation.OfficersChat is { } officers)
        {
            Outbox.AddNew(tx, [OutboxMessage.Create($"petition:{petition.Code}:new", officers, new OutgoingMessage(PetitionTexts.NewToOfficers(petition, _clock)), now)]);
        }

        if (receipt is not null)
        {
            Outbox.AddNew(tx, [ToAuthor(petition, $"petition:{petition.Code}:received", ChatAddress.Parse(draft.AddressKey), receipt(petition), now)]);
        }

        return petition;
    });

    public Petition? Get(string code) => _db.Collection<Petition>(CollectionName).FindOne(p => p.Code == NormalizeCode(code));

    /// <summary>
    /// The citizen's own petitions: other kinds by their chat, denunciations by recomputing each one's keyed lookup
    /// (there are few), since no stored value is shared between a denunciation and anything else from that chat.
    /// </summary>
    public List<Petition> Mine(string addressKey)
    {
        var col = _db.Collection<Petition>(CollectionName);
        var denunciations = col.Find(p => p.Kind == PetitionKind.Denunciation)
            .Where(p => p.AuthorLookup.Length > 0 && p.AuthorLookup == _seal.Lookup(addressKey, p.Code));
        var named = addressKey.Length == 0 ? [] : col.Find(p => p.AddressKey == addressKey && p.Kind != PetitionKind.Denunciation);
        return [.. named.Concat(denunciations).OrderByDescending(p => p.Id)];
    }

    public List<Petition> Open() =>
        [.. _db.Collection<Petition>(CollectionName)
            .Find(p => p.Status == PetitionStatus.Received || p.Status == PetitionStatus.Assigned || p.Status == PetitionStatus.InProgress)
            .OrderBy(p => p.DueAt)];

    /// <summary>Answered petitions whose author can be told (for rating invitations).</summary>
    public IEnumerable<Petition> Answered() => _db.Collection<Petition>(CollectionName).Find(p => p.Status == PetitionStatus.Answered || p.Status == PetitionStatus.Closed);

    /// <summary>The chat to tell about a petition: in clear, or unsealed for a denunciation.</summary>
    public string? AddressOf(Petition petition) =>
        petition.SealedIdentity is { } sealedIdentity ? _seal.Open(sealedIdentity)?.AddressKey : NullIfEmpty(petition.AddressKey);

    /// <summary>A denouncer's identity, for a leader's eyes only (callers check the role).</summary>
    public PetitionIdentity? IdentityOf(Petition petition) =>
        petition.SealedIdentity is { } sealedIdentity ? _seal.Open(sealedIdentity) : new PetitionIdentity(petition.AddressKey, petition.ContactName, petition.ContactPhone);

    /// <summary>
    /// A leader read a denouncer's identity (the console's page, /xemdon): who and when go to the audit log, so every
    /// opening of the seal can be accounted for. Other kinds' authors are not sealed and not audited here.
    /// </summary>
    public void AuditIdentityRead(Petition petition, string actor)
    {
        if (petition.Kind == PetitionKind.Denunciation)
        {
            _db.Write(tx => Roles.AuditLog.Add(tx, _clock.UtcNow, actor, "petition.identity.read", petition.Code));
        }
    }

    public string? PhoneOf(string addressKey) => Mine(addressKey).FirstOrDefault(p => p.ContactPhone is not null)?.ContactPhone;

    /// <summary>Moves a petition to a new status, records who and when, and tells the citizen, in one transaction.</summary>
    public (PetitionChange Outcome, Petition? Petition) Change(string code, PetitionStatus to, UserRole role, string roleTitle, string actor, string? note) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Petition>(CollectionName);
        var normalized = NormalizeCode(code);
        var petition = col.FindOne(p => p.Code == normalized);
        if (petition is null)
        {
            return (PetitionChange.NotFound, (Petition?)null);
        }

        if (petition.Kind == PetitionKind.Denunciation && role < UserRole.Leader)
        {
            return (PetitionChange.Forbidden, petition);
        }

        if (!Allowed.TryGetValue(petition.Status, out var next) || !next.Contains(to))
        {
            return (PetitionChange.NotAllowed, petition);
        }

        var now = _clock.UtcNow;
        var change = new PetitionEvent { Seq = petition.History.Count + 1, Status = to, At = now, ByRole = roleTitle, By = actor, Note = note };
        petition.History.Add(change);
        petition.Status = to;
        if (to == PetitionStatus.Assigned)
        {
            petition.AssignedTo = note;
        }

        if (to == PetitionStatus.Answered)
        {
            petition.AnsweredAt = now;
        }

        col.Update(petition);
        AuditLog.Add(tx, now, actor, "petition." + to.ToString().ToLowerInvariant(), petition.Code);
        if (AddressOf(petition) is { } address)
        {
            Outbox.AddNew(tx, [ToAuthor(petition, $"petition:{petition.Code}:event:{change.Seq}", ChatAddress.Parse(address),
                new OutgoingMessage(PetitionTexts.ToCitizen(petition, change, _clock)), now)]);
        }

        return (PetitionChange.Changed, petition);
    });

    /// <summary>The last day its author may ask to reopen an answered petition; null when it cannot be reopened by them.</summary>
    public DateOnly? ReopenUntil(Petition petition) =>
        petition.Status is PetitionStatus.Answered or PetitionStatus.Closed && petition.AnsweredAt is { } answered
            ? _clock.LocalDate(answered).AddDays(_options.ReopenDays)
            : null;

    /// <summary>True while the author of an answered petition may still ask to reopen it.</summary>
    public bool CanCitizenReopen(Petition petition) => ReopenUntil(petition) is { } until && _clock.Today <= until;

    /// <summary>
    /// The author, not satisfied with the answer, asks for the petition to be looked at again: within
    /// <see cref="PetitionOptions.ReopenDays"/> of the answer it goes back to work with a new deadline, the reason in its
    /// history, the officers told, and the citizen's acknowledgement queued, in one transaction.
    /// </summary>
    public (ReopenRequest Outcome, Petition? Petition) RequestReopen(string code, string addressKey, string reason) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Petition>(CollectionName);
        var normalized = NormalizeCode(code);
        var petition = col.FindOne(p => p.Code == normalized);
        if (petition is null || addressKey.Length == 0 || AddressOf(petition) != addressKey)
        {
            return (ReopenRequest.NotFound, (Petition?)null);
        }

        if (ReopenUntil(petition) is not { } until)
        {
            return (ReopenRequest.NotAnswered, petition);
        }

        if (_clock.Today > until)
        {
            return (ReopenRequest.TooLate, petition);
        }

        ReopenIn(tx, petition, PetitionTexts.CitizenRole, "citizen", reason);
        return (ReopenRequest.Reopened, petition);
    });

    /// <summary>An officer takes an answered or closed petition back to work (a denunciation only a leader), with the reason.</summary>
    public (PetitionChange Outcome, Petition? Petition) Reopen(string code, UserRole role, string roleTitle, string actor, string reason) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Petition>(CollectionName);
        var normalized = NormalizeCode(code);
        var petition = col.FindOne(p => p.Code == normalized);
        if (petition is null)
        {
            return (PetitionChange.NotFound, (Petition?)null);
        }

        if (petition.Kind == PetitionKind.Denunciation && role < UserRole.Leader)
        {
            return (PetitionChange.Forbidden, petition);
        }

        if (!CanReopen(petition.Status))
        {
            return (PetitionChange.NotAllowed, petition);
        }

        ReopenIn(tx, petition, roleTitle, actor, reason);
        return (PetitionChange.Changed, petition);
    });

    /// <summary>Back to "in progress" with a full new deadline; audited, told to the author, the officer in charge (or the officers' group) reminded.</summary>
    private void ReopenIn(LiteDB.LiteDatabase tx, Petition petition, string byRole, string by, string reason)
    {
        var now = _clock.UtcNow;
        var change = new PetitionEvent { Seq = petition.History.Count + 1, Status = PetitionStatus.InProgress, At = now, ByRole = byRole, By = by, Note = reason, Reopened = true };
        petition.History.Add(change);
        petition.Status = PetitionStatus.InProgress;
        petition.DueAt = EndOfDay(WorkingDays.Add(_clock.Today, _options.WorkingDays[petition.Kind], _options.IsHoliday));
        tx.GetCollection<Petition>(CollectionName).Update(petition);
        AuditLog.Add(tx, now, by, "petition.reopened", petition.Code);
        var messages = new List<OutboxMessage>();
        if (AddressOf(petition) is { } address)
        {
            messages.Add(ToAuthor(petition, $"petition:{petition.Code}:event:{change.Seq}", ChatAddress.Parse(address),
                new OutgoingMessage(PetitionTexts.ToCitizen(petition, change, _clock)), now));
        }

        if (OfficerChatOf(petition) is { } officer)
        {
            messages.Add(OutboxMessage.Create($"petition:{petition.Code}:reopened:{change.Seq}", officer,
                new OutgoingMessage(PetitionTexts.ReopenedToOfficers(petition, change, _clock)), now));
        }

        Outbox.AddNew(tx, messages);
    }

    /// <summary>A petition past its due date: record the delay with a new date (the apology letter follows) and remind the officer in charge, once per due date.</summary>
    public bool MarkOverdue(long id) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Petition>(CollectionName);
        var petition = col.FindById(id);
        if (petition is null || !petition.IsOpen || _clock.LocalDate(petition.DueAt) >= _clock.Today)
        {
            return false;
        }

        var missed = petition.DueAt.ToUnixTimeSeconds();
        var now = _clock.UtcNow;
        var newDue = EndOfDay(WorkingDays.Add(_clock.Today, _options.ExtensionWorkingDays, _options.IsHoliday));
        petition.Delays.Add(new PetitionDelay { MissedDueAt = petition.DueAt, NewDueAt = newDue, At = now });
        petition.LastDelayAt = now;
        petition.DueAt = newDue;
        col.Update(petition);

        // The citizen's apology is a letter (PetitionLetterSource); here the officer is reminded.
        var messages = new List<OutboxMessage>();

        // The officer in charge in their private chat; the officers' group when no one is assigned (never for a denunciation).
        if (OfficerChatOf(petition) is { } officer)
        {
            messages.Add(OutboxMessage.Create($"petition:{petition.Code}:remind:{missed}", officer,
                new OutgoingMessage(PetitionTexts.OfficerReminder(petition, _clock)), now));
        }

        Outbox.AddNew(tx, messages);
        return true;
    });

    /// <summary>
    /// Where to remind about a petition: the officer in charge in their private chat; the officers' group when no one is
    /// assigned, or when the one assigned has only a console login (no chat to write to); never the group for a denunciation.
    /// </summary>
    private ChatAddress? OfficerChatOf(Petition petition) =>
        petition.AssignedTo is { } assigned && assigned.IndexOf(':', StringComparison.Ordinal) > 0
            && !assigned.StartsWith(AccountKeyPrefix, StringComparison.Ordinal) && assigned != SharedTokenActor
            ? ChatAddress.Parse(assigned)
            : petition.Kind == PetitionKind.Denunciation ? null : _escalation.OfficersChat;

    /// <summary>Console accounts' actor keys ("account:lan") name a person, not a chat.</summary>
    public const string AccountKeyPrefix = "account:";

    /// <summary>The web console's own keys ("web:officer", the shared token) are not web-chat conversations either.</summary>
    private const string SharedTokenActor = "web:officer";

    /// <summary>A message to the petition's author; to a denouncer it is sealed and its key does not name the petition.</summary>
    private OutboxMessage ToAuthor(Petition petition, string key, ChatAddress to, OutgoingMessage message, DateTimeOffset now) =>
        petition.Kind == PetitionKind.Denunciation
            ? OutboxMessage.Create(_seal.OpaqueKey(key), to, message.AsConfidential(), now, _dataSeal)
            : OutboxMessage.Create(key, to, message, now);

    /// <summary>
    /// Petitions written before lookups were per denunciation shared one hash per chat, joining a <c>TC-</c> to its
    /// author's other petitions: recompute each denunciation's own, and clear the others' (found by their chat).
    /// </summary>
    private void UnlinkOldLookups() => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Petition>(CollectionName);
        foreach (var petition in col.Find(p => p.AuthorLookup != "").ToList())
        {
            var lookup = petition.Kind == PetitionKind.Denunciation && IdentityOf(petition) is { AddressKey.Length: > 0 } identity
                ? _seal.Lookup(identity.AddressKey, petition.Code)
                : "";
            if (lookup != petition.AuthorLookup)
            {
                petition.AuthorLookup = lookup;
                col.Update(petition);
            }
        }
    });

    public static string NormalizeCode(string code) => TrackingCode.Normalize(code);

    private DateTimeOffset EndOfDay(DateOnly date) => _clock.FromLocal(date.ToDateTime(new TimeOnly(23, 59, 59)));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string NewCode(LiteDB.ILiteCollection<Petition> col, PetitionKind kind) =>
        TrackingCode.New(kind switch { PetitionKind.Complaint => "KH", PetitionKind.Denunciation => "TC", _ => "KN" }, code => col.Exists(p => p.Code == code));
}
