using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>/don: open petitions, soonest due first; a denunciation's topic only for leaders.</summary>
public sealed class OpenPetitionsCommand(PetitionBook petitions, CommuneClock clock) : IOfficerCommand
{
    public string Name => "don";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/don – các đơn kiến nghị, khiếu nại, tố cáo đang chờ giải quyết";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var open = petitions.Open();
        command.Send(open.Count == 0
            ? PetitionOfficerTexts.NoneOpen
            : PetitionOfficerTexts.OpenTitle + "\n" + string.Join('\n', open.Select(p =>
                p.Kind == PetitionKind.Denunciation && (command.Role < UserRole.Leader || command.InGroup)
                    ? PetitionOfficerTexts.SealedLine(p, clock)
                    : PetitionTexts.Line(p, clock))));
        return Task.CompletedTask;
    }
}

/// <summary>/xemdon KN-XXXXXX: a petition's details and history. A denunciation only to a leader, only in private.</summary>
public sealed class ViewPetitionCommand(PetitionBook petitions, CommuneClock clock) : IOfficerCommand
{
    public string Name => "xemdon";

    public UserRole Role => UserRole.Officer;

    public bool ShowsPersonalData => true;

    public string Usage => "/xemdon <mã đơn> – xem nội dung và quá trình xử lý một đơn";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var petition = petitions.Get(command.Arguments);
        if (petition is null)
        {
            command.Send(PetitionOfficerTexts.NotFound(command.Arguments));
            return Task.CompletedTask;
        }

        if (petition.Kind == PetitionKind.Denunciation && (command.Role < UserRole.Leader || command.InGroup))
        {
            command.Send(PetitionOfficerTexts.DenunciationLeadersOnly);
            return Task.CompletedTask;
        }

        // A denouncer's identity leaves the sealed record only in a confidential message, dropped once delivered.
        var identity = petitions.IdentityOf(petition);
        petitions.AuditIdentityRead(petition, command.Actor);
        var details = new OutgoingMessage(PetitionOfficerTexts.Details(petition, identity, showFullPhone: !command.InGroup, clock));
        command.Send(petition.Kind == PetitionKind.Denunciation ? details.AsConfidential() : details);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Moves a petition on: /giaodon (assign), /xulydon (in progress), /traloidon (answer), /chuyendon
/// (transfer), /tuchoidon (reject with a reason), /dongdon (close). The citizen is told each step.
/// </summary>
public sealed class PetitionStatusCommand(PetitionBook petitions, string name, PetitionStatus to, string usage, bool needsNote) : IOfficerCommand
{
    public string Name => name;

    public UserRole Role => UserRole.Officer;

    public string Usage => usage;

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var parts = command.Arguments.Split([' ', '\n'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || (needsNote && (parts.Length < 2 || parts[1].Length < PetitionBook.MinNote)))
        {
            command.Send("Cách dùng: " + usage);
            return Task.CompletedTask;
        }

        var note = parts.Length > 1 ? parts[1] : null;
        if (to == PetitionStatus.Assigned)
        {
            if (note is null || !long.TryParse(note, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                command.Send("Cách dùng: " + usage);
                return Task.CompletedTask;
            }

            note = UserRoles.UserKey(command.Address.Channel, note);
        }

        var (outcome, petition) = petitions.Change(parts[0], to, command.Role, PetitionBook.TitleOf(command.Role), command.Actor, note);
        command.Send(outcome switch
        {
            PetitionChange.Changed => PetitionOfficerTexts.Changed(petition!),
            PetitionChange.Forbidden => PetitionOfficerTexts.DenunciationLeadersOnly,
            PetitionChange.NotAllowed => PetitionOfficerTexts.NotAllowed(petition!, to),
            _ => PetitionOfficerTexts.NotFound(parts[0]),
        });
        return Task.CompletedTask;
    }

    public static IEnumerable<IOfficerCommand> All(PetitionBook petitions) =>
    [
        new PetitionStatusCommand(petitions, "giaodon", PetitionStatus.Assigned, "/giaodon <mã đơn> <mã người dùng của cán bộ> – giao cán bộ xử lý", needsNote: true),
        new PetitionStatusCommand(petitions, "xulydon", PetitionStatus.InProgress, "/xulydon <mã đơn> – báo đang xem xét, giải quyết", needsNote: false),
        new PetitionStatusCommand(petitions, "traloidon", PetitionStatus.Answered, "/traloidon <mã đơn> <kết quả giải quyết> – gửi kết quả cho công dân", needsNote: true),
        new PetitionStatusCommand(petitions, "chuyendon", PetitionStatus.Transferred, "/chuyendon <mã đơn> <cơ quan nhận> – chuyển cơ quan có thẩm quyền", needsNote: true),
        new PetitionStatusCommand(petitions, "tuchoidon", PetitionStatus.Rejected, "/tuchoidon <mã đơn> <lý do> – không thụ lý, nêu rõ lý do", needsNote: true),
        new PetitionStatusCommand(petitions, "dongdon", PetitionStatus.Closed, "/dongdon <mã đơn> – kết thúc đơn đã trả lời", needsNote: false),
    ];
}
