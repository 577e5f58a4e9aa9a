using CitizenBot.Core.Ratings;

namespace CitizenBot.Core.Dossiers;

/// <summary>
/// Offers the ratings slice every resolved dossier, once for each chat that follows it; not a death registration: the
/// family gets a condolence letter, and a satisfaction survey beside it would be tactless.
/// </summary>
public sealed class ResolvedDossierSubjects(FollowBook follows, DossierBook dossiers) : IRatingSubjectSource
{
    public IEnumerable<RatingSubject> Completed()
    {
        foreach (var follow in follows.Active())
        {
            if (dossiers.Get(follow.DossierCode) is { Status: DossierStatus.Resolved } dossier
                && DossierLetterSource.KindFor(dossier.Procedure) != Letters.LetterKind.DeathCondolence)
            {
                yield return new RatingSubject($"dossier:{dossier.Code}", $"hồ sơ {dossier.Code} ({dossier.Procedure})", follow.AddressKey,
                    RatingNames.FieldFromText(dossier.Field));
            }
        }
    }
}
