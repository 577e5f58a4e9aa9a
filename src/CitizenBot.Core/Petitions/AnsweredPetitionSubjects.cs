using CitizenBot.Core.Ratings;

namespace CitizenBot.Core.Petitions;

/// <summary>Offers the ratings slice every answered petition whose author can be reached (denunciations included, through the seal).</summary>
public sealed class AnsweredPetitionSubjects(PetitionBook petitions) : IRatingSubjectSource
{
    public IEnumerable<RatingSubject> Completed()
    {
        foreach (var petition in petitions.Answered())
        {
            if (petitions.AddressOf(petition) is { } address)
            {
                yield return new RatingSubject($"petition:{petition.Code}", $"việc giải quyết đơn {petition.Code}", address, ServiceField.Other);
            }
        }
    }
}
