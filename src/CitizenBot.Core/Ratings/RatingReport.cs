namespace CitizenBot.Core.Ratings;

/// <summary>Counts per level for one field (or all fields), with the percentages an officer reads.</summary>
public sealed record RatingTally(ServiceField? Field, IReadOnlyDictionary<RatingLevel, int> Counts)
{
    public int Total => Counts.Values.Sum();

    public int Count(RatingLevel level) => Counts.GetValueOrDefault(level);

    /// <summary>The share of a level in percent, rounded to one decimal; 0 when there are no ratings.</summary>
    public double Percent(RatingLevel level) => Total == 0 ? 0 : Math.Round(100.0 * Count(level) / Total, 1);

    /// <summary>"Rất hài lòng" and "Hài lòng" together: the communes' target is 98%.</summary>
    public double SatisfiedPercent => Total == 0 ? 0 : Math.Round(100.0 * (Count(RatingLevel.VerySatisfied) + Count(RatingLevel.Satisfied)) / Total, 1);
}

/// <summary>Ratings of a period, by field and overall.</summary>
public sealed record RatingReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<RatingTally> ByField, RatingTally Overall)
{
    /// <summary>Counts ratings in one streaming pass: no collection is loaded whole.</summary>
    public static RatingReport Compute(RatingBook book, DateTimeOffset from, DateTimeOffset to)
    {
        var counts = new Dictionary<(ServiceField, RatingLevel), int>();
        foreach (var rating in book.Between(from, to))
        {
            counts[(rating.Field, rating.Level)] = counts.GetValueOrDefault((rating.Field, rating.Level)) + 1;
        }

        var byField = Enum.GetValues<ServiceField>()
            .Select(f => new RatingTally(f, Enum.GetValues<RatingLevel>().ToDictionary(l => l, l => counts.GetValueOrDefault((f, l)))))
            .Where(t => t.Total > 0)
            .ToList();
        var overall = new RatingTally(null, Enum.GetValues<RatingLevel>().ToDictionary(l => l, l => byField.Sum(t => t.Count(l))));
        return new RatingReport(from, to, byField, overall);
    }
}
