using CitizenBot.Core.Ratings;

namespace CitizenBot.Core.Petitions;

/// <summary>
/// Offers the ratings slice every answered petition whose author can be reached (denunciations included, through the
/// seal); a denouncer's invitation names neither the petition's code nor its kind, since it is stored with their chat.
/// </summary>
public sealed class AnsweredPetitionSubjects(PetitionBook petitions, IdentitySeal seal) : IRatingSubjectSource
{
    public IEnumerable<RatingSubject> Completed()
    {
        foreach (var petition in petitions.Answered())
        {
            if (petitions.AddressOf(petition) is { } address)
            {
                yield return petition.Kind == PetitionKind.Denunciation
                    ? new RatingSubject(seal.OpaqueKey($"petition:{petition.Code}"), "việc giải quyết đơn của ông/bà", address, ServiceField.Other)
                    : new RatingSubject($"petition:{petition.Code}", $"việc giải quyết đơn {petition.Code}", address, ServiceField.Other);
            }
        }
    }
}
