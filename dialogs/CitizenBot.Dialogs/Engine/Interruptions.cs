using CitizenBot.Core.Commune;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Engine;

/// <summary>A button a slice sends outside any dialog (a rating invitation): its payload prefix starts that slice's dialog.</summary>
public sealed record PayloadRoute(string Prefix, string DialogId);

/// <summary>
/// Menu, cancel, help and "ask an officer" work at every step: they are checked before the active
/// dialog sees the input (Bot Framework's CancelAndHelp pattern), so no one is ever stuck. Officer
/// commands and the buttons slices send outside a dialog are routed here too.
/// </summary>
public sealed class Interruptions(OfficerCommands officerCommands, IEnumerable<PayloadRoute> routes)
{
    public const string OfficerDialogId = "officer.ask";

    private static readonly string[] MenuWords = ["menu", "/menu", "/start", "menu chinh", "ve menu", "ve menu chinh", "bat dau", "start"];
    private static readonly string[] CancelWords = ["huy", "/huy", "huy bo", "thoat", "cancel", "/cancel", "dung lai"];
    private static readonly string[] HelpWords = ["tro giup", "/trogiup", "giup", "help", "/help", "huong dan", "?"];

    public async Task<bool> TryHandleAsync(DialogContext dc, CancellationToken ct)
    {
        if (await officerCommands.TryHandleAsync(dc, ct) || dc.Input.InGroup)
        {
            return true;
        }

        var payload = dc.Input.Payload;
        if (payload is not null && routes.FirstOrDefault(r => payload.StartsWith(r.Prefix, StringComparison.Ordinal)) is { } route)
        {
            dc.CancelAll();
            await dc.BeginDialogAsync(ConversationBot.MainDialogId, new Dictionary<string, string> { ["route"] = route.DialogId, ["payload"] = payload }, ct);
            return true;
        }

        var text = TextMatching.Words(dc.Input.Text);
        if (text.StartsWith("/start ", StringComparison.Ordinal))
        {
            text = "/start";
        }

        if (payload == PromptTexts.MenuPayload || MenuWords.Contains(text))
        {
            dc.CancelAll();
            await dc.BeginDialogAsync(ConversationBot.MainDialogId, null, ct);
            return true;
        }

        if (payload == PromptTexts.CancelPayload || CancelWords.Contains(text))
        {
            if (dc.ActiveInstance is not null)
            {
                dc.CancelAll();
                dc.Send(EngineTexts.Cancelled);
            }

            await dc.BeginDialogAsync(ConversationBot.MainDialogId, null, ct);
            return true;
        }

        if (payload == PromptTexts.HelpPayload || HelpWords.Contains(text))
        {
            dc.Send(HelpFor(dc) ?? EngineTexts.GeneralHelp);
            if (dc.ActiveDialog is { } active)
            {
                await active.RepromptAsync(dc, ct);
            }
            else
            {
                await dc.BeginDialogAsync(ConversationBot.MainDialogId, null, ct);
            }

            return true;
        }

        if (payload == PromptTexts.OfficerPayload && dc.Dialogs.Find(OfficerDialogId) is not null)
        {
            var from = dc.State.Stack.Count > 0 ? dc.State.Stack[0].DialogId : "";
            dc.CancelAll();
            await dc.BeginDialogAsync(OfficerDialogId, new Dictionary<string, string> { ["from"] = from }, ct);
            return true;
        }

        return false;
    }

    private static string? HelpFor(DialogContext dc)
    {
        for (var i = dc.State.Stack.Count - 1; i >= 0; i--)
        {
            if (dc.Dialogs.Find(dc.State.Stack[i].DialogId)?.HelpText is { } help)
            {
                return help;
            }
        }

        return null;
    }
}
