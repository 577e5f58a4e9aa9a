namespace CitizenBot.Core.Commune;

public static class Median
{
    /// <summary>The median of the values, or null when there are none.</summary>
    public static TimeSpan? Of(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
