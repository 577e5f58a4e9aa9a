using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Ratings;

/// <summary>
/// The Hangfire job that invites a citizen to rate a resolved dossier they follow or a booking marked
/// attended: one invitation per subject and chat, created with its message in one transaction.
/// </summary>
public sealed class RatingInvitationSweep(RatingBook book, IEnumerable<IRatingSubjectSource> sources, ILogger<RatingInvitationSweep> logger) : ISweep
{
    public const string JobId = "rating-invitations";
    string ISweep.Id => JobId;
    string ISweep.Cron => "*/5 * * * *";

    /// <summary>The payload of an invitation's level button: "rate:{invitation}:{level}".</summary>
    public const string PayloadPrefix = "rate:";

    public int Run()
    {
        var invited = sources.SelectMany(s => s.Completed()).Count(subject => book.Invite(subject, Message));
        if (invited > 0)
        {
            logger.LogInformation("Rating invitation sweep sent {Count} invitations", invited);
        }

        return invited;
    }

    public static OutgoingMessage Message(RatingInvitation invitation) => new(
        RatingTexts.Invitation(invitation.SubjectTitle),
        [.. Enum.GetValues<RatingLevel>().Select(l => new Button($"{RatingNames.Emoji(l)} {RatingNames.Level(l)}", $"{PayloadPrefix}{invitation.Id}:{(int)l}"))]);
}
