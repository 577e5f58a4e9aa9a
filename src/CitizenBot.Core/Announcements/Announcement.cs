using CitizenBot.Core.Messaging;
using LiteDB;

namespace CitizenBot.Core.Announcements;

/// <summary>A group chat registered as a village's announcement group.</summary>
public sealed class VillageGroup
{
    /// <summary>The group's chat address key.</summary>
    public string Id { get; set; } = "";

    public string Village { get; set; } = "";

    public string RegisteredBy { get; set; } = "";

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>False once the bot was removed from the group.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>A citizen who asked, in private, for their village's announcements.</summary>
public sealed class VillageSubscription
{
    /// <summary>"{address}|{village}".</summary>
    public string Id { get; set; } = "";

    public string AddressKey { get; set; } = "";

    public string Village { get; set; } = "";

    public DateTimeOffset SubscribedAt { get; set; }
}

/// <summary>
/// An announcement to villages. Its deliveries are outbox messages, one per recipient, keyed
/// "announcement:{id}:{address}", so each is sent at most once, even across a crash.
/// </summary>
public sealed class Announcement
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    public string Text { get; set; } = "";

    public FileAttachment? File { get; set; }

    /// <summary>The villages it went to; empty means every village.</summary>
    public List<string> Villages { get; set; } = [];

    public string Author { get; set; } = "";

    /// <summary>Where the delivery report goes (the officer's chat).</summary>
    public string ReportTo { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int Recipients { get; set; }

    public bool Reported { get; set; }

    /// <summary>The console's draft it was sent from: pressing "Gửi" twice sends it once.</summary>
    public string? DraftKey { get; set; }

    public const int MinText = 10;

    public const int MaxText = 3500;

    [BsonIgnore]
    public string Code => "TB-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string DeliveryPrefix(long id) => $"announcement:{id}:";
}

/// <summary>How an announcement's deliveries stand: delivered, failed with their reasons, pending, unconfirmed.</summary>
public sealed record DeliveryReport(Announcement Announcement, int Delivered, int Pending, int Unconfirmed, IReadOnlyList<(string Recipient, string Reason)> Failed)
{
    public bool Finished => Pending == 0;
}

/// <summary>One chat an announcement reaches, and the village it is counted under.</summary>
public sealed record AudienceMember(ChatAddress Address, string Village, bool IsGroup);

/// <summary>What an announcement to one village alone reaches: its groups and its subscribed citizens.</summary>
public sealed record VillageAudience(string Village, int Groups, int Citizens)
{
    public int Total => Groups + Citizens;
}

/// <summary>An announcement's deliveries in one village.</summary>
public sealed record VillageDelivery(string Village, int Delivered, int Pending, int Unconfirmed, int Failed)
{
    public int Total => Delivered + Pending + Unconfirmed + Failed;
}
