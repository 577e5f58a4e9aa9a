using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Dossiers;

/// <summary>
/// The dossier part of the summary, in the structure of the communes' own reports. Computed with three index
/// range scans that read only the fields they count, so memory stays flat however long the history is.
/// </summary>
public sealed record DossierFigures
{
    public int Received { get; init; }

    public IReadOnlyDictionary<DossierChannel, int> ByChannel { get; init; } = new Dictionary<DossierChannel, int>();

    /// <summary>Open when the period began ("kỳ trước chuyển qua").</summary>
    public int CarriedOver { get; init; }

    public int ResolvedOnTime { get; init; }

    public int ResolvedLate { get; init; }

    /// <summary>Still open when the period ended, waiting for supplements excepted.</summary>
    public int InProgress { get; init; }

    /// <summary>Of the open ones at the end, those past their due date.</summary>
    public int OpenOverdue { get; init; }

    public int AwaitingSupplement { get; init; }

    public int ReturnedOrWithdrawn { get; init; }

    public int Resolved => ResolvedOnTime + ResolvedLate;

    public int Online => ByChannel.GetValueOrDefault(DossierChannel.OnlinePartial) + ByChannel.GetValueOrDefault(DossierChannel.OnlineFull);

    /// <summary>
    /// Counts for [from, to). A dossier closes at its ResolvedAt (resolved, returned, withdrawn); one returned or
    /// withdrawn without a date counts as closed in the period it came in. "Waiting for supplements" is the
    /// dossier's current status, so it is exact for the running period and approximate for older ones.
    /// </summary>
    public static DossierFigures Compute(CitizenDatabase db, DateTimeOffset from, DateTimeOffset to)
    {
        var col = db.Collection<BsonDocument>(DossierBook.CollectionName);
        var start = from.UtcDateTime;
        var end = to.UtcDateTime;
        var byChannel = Enum.GetValues<DossierChannel>().ToDictionary(c => c, _ => 0);
        int received = 0, carried = 0, onTime = 0, late = 0, inProgress = 0, openOverdue = 0, supplement = 0, returned = 0;

        // 1. Received in the period, by channel.
        foreach (var d in col.Query().Where(Query.And(Query.GTE(nameof(Dossier.ReceivedAt), start), Query.LT(nameof(Dossier.ReceivedAt), end)))
                     .Select("{ c: $.Channel, s: $.Status, r: $.ResolvedAt }").ToEnumerable())
        {
            received++;
            if (Enum.TryParse<DossierChannel>(d["c"].AsString, out var channel))
            {
                byChannel[channel]++;
            }

            if (IsReturned(d["s"].AsString) && d["r"].IsNull)
            {
                returned++;
            }
        }

        // 2. Closed on or after the start: resolved or returned in the period, or open at its start or end.
        foreach (var d in col.Query().Where(Query.GTE(nameof(Dossier.ResolvedAt), start))
                     .Select("{ s: $.Status, rc: $.ReceivedAt, due: $.DueAt, r: $.ResolvedAt }").ToEnumerable())
        {
            var status = d["s"].AsString;
            if (!IsFinished(status))
            {
                continue; // reopened: counted with the open ones below
            }

            var receivedAt = d["rc"].AsDateTime.ToUniversalTime();
            var closedAt = d["r"].AsDateTime.ToUniversalTime();
            if (receivedAt < start)
            {
                carried++;
            }

            if (closedAt < end)
            {
                if (status == nameof(DossierStatus.Resolved))
                {
                    if (closedAt <= d["due"].AsDateTime.ToUniversalTime())
                    {
                        onTime++;
                    }
                    else
                    {
                        late++;
                    }
                }
                else
                {
                    returned++;
                }
            }
            else if (receivedAt < end)
            {
                inProgress++;
                openOverdue += d["due"].AsDateTime.ToUniversalTime() < end ? 1 : 0;
            }
        }

        // 3. Open now: open at the start and end of the period if received before them.
        var open = new BsonArray(new BsonValue[] { nameof(DossierStatus.Received), nameof(DossierStatus.InProgress), nameof(DossierStatus.AwaitingSupplement) });
        foreach (var d in col.Query().Where(Query.In(nameof(Dossier.Status), open))
                     .Select("{ s: $.Status, rc: $.ReceivedAt, due: $.DueAt }").ToEnumerable())
        {
            var receivedAt = d["rc"].AsDateTime.ToUniversalTime();
            if (receivedAt < start)
            {
                carried++;
            }

            if (receivedAt >= end)
            {
                continue;
            }

            if (d["s"].AsString == nameof(DossierStatus.AwaitingSupplement))
            {
                supplement++;
            }
            else
            {
                inProgress++;
            }

            openOverdue += d["due"].AsDateTime.ToUniversalTime() < end ? 1 : 0;
        }

        return new DossierFigures
        {
            Received = received, ByChannel = byChannel, CarriedOver = carried, ResolvedOnTime = onTime, ResolvedLate = late,
            InProgress = inProgress, OpenOverdue = openOverdue, AwaitingSupplement = supplement, ReturnedOrWithdrawn = returned,
        };
    }

    private static bool IsReturned(string status) => status is nameof(DossierStatus.Returned) or nameof(DossierStatus.Withdrawn);

    private static bool IsFinished(string status) => status == nameof(DossierStatus.Resolved) || IsReturned(status);
}
