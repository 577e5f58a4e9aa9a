using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Announcements;

/// <summary>
/// Village groups, citizens' subscriptions, and announcements: creating one writes the announcement and a
/// delivery per recipient in one transaction; the outbox sends them paced, at most once each.
/// </summary>
public sealed class AnnouncementBook : IChatMembershipListener
{
    public const string GroupsCollection = "village_groups";
    public const string SubscriptionsCollection = "village_subscriptions";
    public const string CollectionName = "announcements";
    private readonly CitizenDatabase _db;
    private readonly Outbox _outbox;
    private readonly CommuneOptions _commune;
    private readonly CommuneClock _clock;

    public AnnouncementBook(CitizenDatabase db, Outbox outbox, CommuneOptions commune, CommuneClock clock)
    {
        _db = db;
        _outbox = outbox;
        _commune = commune;
        _clock = clock;
        db.EnsureIndexes<VillageGroup>(GroupsCollection, groups => groups.EnsureIndex(g => g.Village));
        db.EnsureIndexes<Announcement>(CollectionName, announcements => announcements.EnsureIndex(a => a.CreatedAt));
        db.EnsureIndexes<VillageSubscription>(SubscriptionsCollection, subscriptions =>
        {
            subscriptions.EnsureIndex(s => s.Village);
            subscriptions.EnsureIndex(s => s.AddressKey);
        });
    }

    public IReadOnlyList<string> Villages => _commune.Villages;

    /// <summary>The configured village whose name the text gives, with or without diacritics.</summary>
    public string? VillageNamed(string? text)
    {
        var folded = TextMatching.Words(text);
        return _commune.Villages.FirstOrDefault(v => TextMatching.Words(v) == folded || TextMatching.Words(v) == "thon " + folded);
    }

    public void RegisterGroup(ChatAddress group, string village, string actor) => _db.WriteTransaction(tx =>
    {
        tx.GetCollection<VillageGroup>(GroupsCollection).Upsert(new VillageGroup
        {
            Id = group.Key, Village = village, RegisteredBy = actor, RegisteredAt = _clock.UtcNow, Active = true,
        });
        AuditLog.Add(tx, _clock.UtcNow, actor, "announcements.group.register", $"{group.Key} {village}");
    });

    public List<VillageGroup> Groups() => [.. _db.Collection<VillageGroup>(GroupsCollection).FindAll().OrderBy(g => g.Village)];

    /// <summary>The bot was removed from a group or blocked by a citizen: stop sending there.</summary>
    public void ChatLeft(ChatAddress chat) => _db.WriteTransaction(tx =>
    {
        var groups = tx.GetCollection<VillageGroup>(GroupsCollection);
        if (groups.FindById(chat.Key) is { } group)
        {
            group.Active = false;
            groups.Update(group);
        }

        tx.GetCollection<VillageSubscription>(SubscriptionsCollection).DeleteMany(s => s.AddressKey == chat.Key);
    });

    public bool Subscribe(ChatAddress citizen, string village) => _db.Write(tx =>
        tx.GetCollection<VillageSubscription>(SubscriptionsCollection).Upsert(new VillageSubscription
        {
            Id = $"{citizen.Key}|{village}", AddressKey = citizen.Key, Village = village, SubscribedAt = _clock.UtcNow,
        }));

    public bool Unsubscribe(ChatAddress citizen, string village) => _db.Write(tx =>
        tx.GetCollection<VillageSubscription>(SubscriptionsCollection).Delete($"{citizen.Key}|{village}"));

    public List<string> SubscriptionsOf(ChatAddress citizen) =>
        [.. _db.Collection<VillageSubscription>(SubscriptionsCollection).Find(s => s.AddressKey == citizen.Key).Select(s => s.Village).Order()];

    /// <summary>
    /// The configured villages the texts name, each read as <see cref="VillageNamed"/> reads it, and the texts that name
    /// none (an API caller's "kim son" when no such village exists): an announcement is never sent to an unknown village.
    /// </summary>
    public (List<string> Known, List<string> Unknown) ResolveVillages(IEnumerable<string?> texts)
    {
        var known = new List<string>();
        var unknown = new List<string>();
        foreach (var text in texts)
        {
            if (VillageNamed(text) is { } village)
            {
                if (!known.Contains(village))
                {
                    known.Add(village);
                }
            }
            else
            {
                unknown.Add(text?.Trim() ?? "");
            }
        }

        return (known, unknown);
    }

    /// <summary>
    /// THE one place that says who an announcement to these villages (none: all) reaches, and under which village each
    /// recipient is counted: active village groups first, then citizens who subscribed (a citizen subscribed to two of the
    /// villages is reached once, counted under the first in the commune's order). Counts, previews, publishing and the
    /// per-village report all read it; a new kind of recipient (a channel's followers) is added here.
    /// </summary>
    public List<AudienceMember> Audience(IReadOnlyCollection<string> villages)
    {
        var all = villages.Count == 0;
        var order = _commune.Villages.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        int Rank(string village) => order.TryGetValue(village, out var i) ? i : int.MaxValue;
        var members = new List<AudienceMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in _db.Collection<VillageGroup>(GroupsCollection).Find(g => g.Active)
            .Where(g => all || villages.Contains(g.Village)).OrderBy(g => Rank(g.Village)).ThenBy(g => g.Id, StringComparer.Ordinal))
        {
            if (seen.Add(group.Id))
            {
                members.Add(new AudienceMember(ChatAddress.Parse(group.Id), group.Village, IsGroup: true));
            }
        }

        foreach (var subscription in _db.Collection<VillageSubscription>(SubscriptionsCollection).FindAll()
            .Where(s => all || villages.Contains(s.Village)).OrderBy(s => Rank(s.Village)).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            if (seen.Add(subscription.AddressKey))
            {
                members.Add(new AudienceMember(ChatAddress.Parse(subscription.AddressKey), subscription.Village, IsGroup: false));
            }
        }

        return members;
    }

    /// <summary>Every chat an announcement to these villages (none: all) reaches: active groups, then subscribers.</summary>
    public List<ChatAddress> Recipients(IReadOnlyCollection<string> villages) => [.. Audience(villages).Select(m => m.Address)];

    /// <summary>For each configured village, how many groups and subscribed citizens an announcement to it alone reaches.</summary>
    public List<VillageAudience> AudienceByVillage()
    {
        var rows = new List<VillageAudience>();
        foreach (var village in _commune.Villages)
        {
            var members = Audience([village]);
            rows.Add(new VillageAudience(village, members.Count(m => m.IsGroup), members.Count(m => !m.IsGroup)));
        }

        return rows;
    }

    /// <param name="draftKey">The console's draft: a second publish of the same draft returns the first announcement, sending nothing.</param>
    public Announcement Publish(string text, FileAttachment? file, IReadOnlyCollection<string> villages, string author, ChatAddress? reportTo, string? draftKey = null) => _db.WriteTransaction(tx =>
    {
        if (draftKey is not null && tx.GetCollection<Announcement>(CollectionName).FindOne(a => a.DraftKey == draftKey) is { } already)
        {
            return already;
        }

        var now = _clock.UtcNow;
        var recipients = Recipients(villages);
        var announcement = new Announcement
        {
            Text = text, File = file, Villages = [.. villages], Author = author, ReportTo = reportTo?.Key ?? "",
            CreatedAt = now, Recipients = recipients.Count, DraftKey = draftKey,
        };
        tx.GetCollection<Announcement>(CollectionName).Insert(announcement);
        var message = new OutgoingMessage(AnnouncementTexts.Message(_commune.Name, text), [], File: file);
        Outbox.AddNew(tx, recipients.Select(r => OutboxMessage.Create(Announcement.DeliveryPrefix(announcement.Id) + r.Key, r, message, now)));
        AuditLog.Add(tx, now, author, "announcements.publish", $"{announcement.Code} to {recipients.Count}");
        return announcement;
    });

    public Announcement? Get(long id) => _db.Collection<Announcement>(CollectionName).FindById(id);

    public Announcement? Latest() => _db.Collection<Announcement>(CollectionName).Query().OrderByDescending(a => a.Id).FirstOrDefault();

    /// <summary>The most recent announcements, newest first.</summary>
    public List<Announcement> Recent(int limit) =>
        [.. _db.Collection<Announcement>(CollectionName).Query().OrderByDescending(a => a.Id).Limit(limit).ToList()];

    /// <summary>Reports of the announcements since a moment that have deliveries which failed: for an officer's "needs me now" list.</summary>
    public List<DeliveryReport> WithFailuresSince(DateTimeOffset since) =>
        [.. _db.Collection<Announcement>(CollectionName).Find(a => a.CreatedAt >= since).Select(Report).Where(r => r.Failed.Count > 0)];

    public List<Announcement> Unreported() => [.. _db.Collection<Announcement>(CollectionName).Find(a => !a.Reported)];

    /// <summary>Counts the deliveries of an announcement in one pass over its outbox messages.</summary>
    public DeliveryReport Report(Announcement announcement)
    {
        int delivered = 0, pending = 0, unconfirmed = 0;
        var failed = new List<(string, string)>();
        foreach (var delivery in _outbox.WithKeyPrefix(Announcement.DeliveryPrefix(announcement.Id)))
        {
            switch (delivery.Status)
            {
                case OutboxStatus.Sent:
                    delivered++;
                    break;
                case OutboxStatus.Failed:
                    failed.Add((RecipientName(delivery.AddressKey), delivery.Error ?? "lỗi không rõ"));
                    break;
                case OutboxStatus.Unconfirmed:
                    unconfirmed++;
                    break;
                default:
                    pending++;
                    break;
            }
        }

        return new DeliveryReport(announcement, delivered, pending, unconfirmed, failed);
    }

    /// <summary>
    /// The deliveries counted per village, for the console's report: each recipient under the village <see cref="Audience"/>
    /// counts it under today (a chat that has since left every village it was sent for is counted as "no longer registered").
    /// </summary>
    public List<VillageDelivery> ReportByVillage(Announcement announcement)
    {
        var villageOf = Audience(announcement.Villages).ToDictionary(m => m.Address.Key, m => m.Village, StringComparer.Ordinal);
        var rows = new Dictionary<string, VillageDelivery>(StringComparer.Ordinal);
        foreach (var delivery in _outbox.WithKeyPrefix(Announcement.DeliveryPrefix(announcement.Id)))
        {
            var village = villageOf.GetValueOrDefault(delivery.AddressKey) ?? AnnouncementTexts.NoLongerRegistered;
            var row = rows.GetValueOrDefault(village) ?? new VillageDelivery(village, 0, 0, 0, 0);
            rows[village] = delivery.Status switch
            {
                OutboxStatus.Sent => row with { Delivered = row.Delivered + 1 },
                OutboxStatus.Failed => row with { Failed = row.Failed + 1 },
                OutboxStatus.Unconfirmed => row with { Unconfirmed = row.Unconfirmed + 1 },
                _ => row with { Pending = row.Pending + 1 },
            };
        }

        var order = _commune.Villages.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        return [.. rows.Values.OrderBy(r => order.TryGetValue(r.Village, out var i) ? i : int.MaxValue).ThenBy(r => r.Village, StringComparer.Ordinal)];
    }

    /// <summary>Sends the report of a finished announcement to its author once.</summary>
    public bool ReportIfFinished(long id)
    {
        var announcement = Get(id);
        if (announcement is null || announcement.Reported || announcement.ReportTo.Length == 0)
        {
            return false;
        }

        var report = Report(announcement);
        if (!report.Finished)
        {
            return false;
        }

        return _db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<Announcement>(CollectionName);
            var current = col.FindById(id);
            if (current is null || current.Reported)
            {
                return false;
            }

            current.Reported = true;
            col.Update(current);
            Outbox.AddNew(tx, [OutboxMessage.Create($"announcement-report:{id}", ChatAddress.Parse(current.ReportTo),
                new OutgoingMessage(AnnouncementTexts.Report(report)), _clock.UtcNow)]);
            return true;
        });
    }

    private string RecipientName(string addressKey) =>
        _db.Collection<VillageGroup>(GroupsCollection).FindById(addressKey) is { } group ? $"nhóm {group.Village}" : "một công dân đăng ký nhận tin";
}
