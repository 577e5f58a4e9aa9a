namespace CitizenBot.Core.Ratings;

/// <summary>A slice that has finished pieces of service to rate (resolved dossiers, attended bookings).</summary>
public interface IRatingSubjectSource
{
    IEnumerable<RatingSubject> Completed();
}
