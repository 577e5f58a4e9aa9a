using CitizenBot.Core.Commune;

namespace CitizenBot.Dialogs.Engine;

/// <summary>A button a slice sends outside any dialog (a rating invitation): its payload prefix starts that slice's dialog.</summary>
public sealed record PayloadRoute(string Prefix, string DialogId);

/// <summary>
/// Menu, cancel, help and "ask an officer" work at every step: they are checked before the active
/// dialog sees the input (Bot Framework's CancelAndHelp pattern), so no one is ever stuck. The buttons slices
/// send outside a dialog are routed here too, and the interruptions features register (officer commands,
/// "ask an officer") are asked before or after the engine's own words.
/// </summary>
public sealed class Interruptions(IEnumerable<IInterruption> interruptions, IEnumerable<PayloadRoute> routes)
{
    private readonly IInterruption[] _first = [.. interruptions.Where(i => i.Order == InterruptionOrder.BeforeEngine)];
    private readonly IInterruption[] _last = [.. interruptions.Where(i => i.Order == InterruptionOrder.AfterEngine)];

    private static readonly string[] MenuWords = ["menu", "/menu", "/start", "menu chinh", "ve menu", "ve menu chinh", "bat dau", "start"];
    private static readonly string[] CancelWords = ["huy", "/huy", "huy bo", "thoat", "cancel", "/cancel", "dung lai"];
    private static readonly string[] HelpWords = ["tro giup", "/trogiup", "giup", "help", "/help", "?"];

    public async Task<bool> TryHandleAsync(DialogContext dc, CancellationToken ct)
    {
        if (await AnyHandlesAsync(_first, dc, ct) || dc.Input.InGroup)
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

        return await AnyHandlesAsync(_last, dc, ct);
    }

    private static async Task<bool> AnyHandlesAsync(IInterruption[] candidates, DialogContext dc, CancellationToken ct)
    {
        foreach (var interruption in candidates)
        {
            if (await interruption.TryHandleAsync(dc, ct))
            {
                return true;
            }
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
