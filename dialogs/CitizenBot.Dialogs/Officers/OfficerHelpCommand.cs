using CitizenBot.Core.Roles;

namespace CitizenBot.Dialogs.Officers;

/// <summary>/canbo: the commands the sender's role allows, one per line.</summary>
public sealed class OfficerHelpCommand(IServiceProvider services) : IOfficerCommand
{
    public string Name => "canbo";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/canbo – danh sách các lệnh của cán bộ";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        // Resolved when run: the router itself lists this command.
        var all = (OfficerCommands)services.GetService(typeof(OfficerCommands))!;
        command.Send(OfficerTexts.HelpTitle + "\n" + string.Join('\n', all.All.Where(c => c.Role <= command.Role).Select(c => c.Usage)));
        return Task.CompletedTask;
    }
}
