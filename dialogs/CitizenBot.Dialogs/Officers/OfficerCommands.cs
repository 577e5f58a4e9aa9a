using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Officers;

/// <summary>
/// Routes officer commands, typed or pressed, to the slice that registered them, after checking the
/// sender's role. A citizen gets a polite refusal and nothing else; their dialog stays where it was.
/// A command that shows personal data answers only in a private chat or the officers' chat.
/// </summary>
public sealed class OfficerCommands(IEnumerable<IOfficerCommand> commands, IEnumerable<IOfficerReplyHandler> replyHandlers, UserRoles roles) : IInterruption
{
    public const string PayloadPrefix = "op:";

    public IReadOnlyList<IOfficerCommand> All { get; } = [.. commands];

    /// <summary>Commands work everywhere, in the officers' group too, whatever dialog is active.</summary>
    public InterruptionOrder Order => InterruptionOrder.BeforeEngine;

    public async Task<bool> TryHandleAsync(DialogContext dc, CancellationToken ct)
    {
        if (dc.Input is { InGroup: true, ReplyToMessageId: { } replied, Text: { Length: > 0 } reply } && !reply.StartsWith('/'))
        {
            return await TryReplyAsync(dc, replied, reply, ct);
        }

        if (Parse(dc.Input) is not { } call)
        {
            return false;
        }

        var command = All.FirstOrDefault(c => c.Name == call.Name);
        if (command is null)
        {
            return false;
        }

        var role = roles.Of(dc.Address.Channel, dc.Input.UserId);
        if (role < command.Role)
        {
            if (dc.Input.InGroup)
            {
                dc.Send(OfficerTexts.RefusedInGroup(RoleNames.Of(command.Role)));
            }
            else
            {
                dc.Send(OfficerTexts.Refused, PromptTexts.MenuButton);
            }

            return true;
        }

        if (command.ShowsPersonalData && dc.Input.InGroup && !roles.IsOfficersChat(dc.Address))
        {
            // A village group is no place for names and phones, whoever asks.
            dc.Send(OfficerTexts.PersonalDataOutsideOfficersChat);
            return true;
        }

        var actor = UserRoles.UserKey(dc.Address.Channel, dc.Input.UserId!);
        await command.HandleAsync(new OfficerCommandContext(dc, call.Arguments, role, actor), ct);
        return true;
    }

    /// <summary>A reply in the officers' chat to something the bot relayed: only officers' replies count.</summary>
    private async Task<bool> TryReplyAsync(DialogContext dc, string repliedMessageId, string text, CancellationToken ct)
    {
        var role = roles.Of(dc.Address.Channel, dc.Input.UserId);
        if (role < UserRole.Officer)
        {
            // A citizen chatting in the group, or an officer without the role yet: the bot stays silent.
            return true;
        }

        var command = new OfficerCommandContext(dc, text, role, UserRoles.UserKey(dc.Address.Channel, dc.Input.UserId!));
        foreach (var handler in replyHandlers)
        {
            if (await handler.TryHandleAsync(command, repliedMessageId, text, ct))
            {
                return true;
            }
        }

        return true;
    }

    private static (string Name, string Arguments)? Parse(TurnInput input)
    {
        if (input.Payload is { } payload)
        {
            if (!payload.StartsWith(PayloadPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            var rest = payload[PayloadPrefix.Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (rest, "") : (rest[..colon], rest[(colon + 1)..]);
        }

        var text = input.Text?.Trim();
        if (text is null || text.Length < 2 || text[0] != '/')
        {
            return null;
        }

        var space = text.IndexOfAny([' ', '\n']);
        var name = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
        return (name, space < 0 ? "" : text[(space + 1)..].Trim());
    }
}
