using CitizenBot.Core.Commune;
using CitizenBot.Core.Reception;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Reception;

/// <summary>Lịch hẹn của tôi: the citizen's coming bookings, each with cancel and reschedule.</summary>
public sealed class MyBookingsDialog : WaterfallDialog
{
    public const string DialogId = "reception.mine";
    public const string ActionPromptId = "reception.mine.action";
    public const string CancelPromptId = "reception.mine.cancel";

    private readonly ReceptionBook _bookings;
    private readonly ReceptionOptions _options;
    private readonly CommuneClock _clock;

    public MyBookingsDialog(ReceptionBook bookings, ReceptionOptions options, CommuneClock clock) : base(DialogId)
    {
        _bookings = bookings;
        _options = options;
        _clock = clock;
        AddStep(nameof(ListAsync), ListAsync);
        AddStep(nameof(ActAsync), ActAsync);
        AddStep(nameof(CancelAsync), CancelAsync);
        AddPrompt(new ChoicePrompt(ActionPromptId));
        AddPrompt(new ConfirmPrompt(CancelPromptId));
    }

    public override string HelpText => BookingTexts.Help;

    private async Task<DialogTurnResult> ListAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var mine = _bookings.OpenFor(step.Address.Key);
        var choices = new List<Choice>();
        foreach (var booking in mine)
        {
            choices.Add(new Choice("cancel:" + booking.Code, BookingTexts.CancelLabel(booking, _clock), ["huy " + booking.Code]));
            choices.Add(new Choice("move:" + booking.Code, BookingTexts.MoveLabel(booking, _clock), ["doi " + booking.Code, "doi lich " + booking.Code]));
        }

        if (mine.Count < _options.MaxOpenBookings)
        {
            choices.Add(new Choice("book", BookingTexts.BookLabel, ["dat lich", "dat lich moi"]));
        }

        var text = mine.Count == 0
            ? BookingTexts.NoBookings
            : BookingTexts.MyBookings(mine.Select(b => ReceptionTexts.Details(b, _options, _clock)));
        return await step.PromptAsync(ActionPromptId, new PromptOptions { Prompt = text + "\n\n" + BookingTexts.ChooseAction, Choices = choices }, ct);
    }

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var chosen = (string)step.Result!;
        if (chosen == "book")
        {
            return await step.ReplaceWithAsync(BookReceptionDialog.DialogId, null, ct);
        }

        var code = chosen[(chosen.IndexOf(':', StringComparison.Ordinal) + 1)..];
        if (chosen.StartsWith("move:", StringComparison.Ordinal))
        {
            return await step.ReplaceWithAsync(BookReceptionDialog.DialogId, new Dictionary<string, string> { ["reschedule"] = code }, ct);
        }

        var booking = _bookings.Get(code);
        if (booking is null || booking.AddressKey != step.Address.Key || booking.Status != BookingStatus.Booked)
        {
            step.Send(BookingTexts.CancelFailed);
            return await step.EndAsync(null, ct);
        }

        step.State<MyBookingsState>().Code = booking.Code;
        return await step.PromptAsync(CancelPromptId, new PromptOptions { Prompt = BookingTexts.ConfirmCancel(booking, _clock) }, ct);
    }

    private async Task<DialogTurnResult> CancelAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var code = step.State<MyBookingsState>().Code ?? "";
        if (step.Result is false)
        {
            step.Send(BookingTexts.KeptBooking);
        }
        else
        {
            step.Send(_bookings.Cancel(code, step.Address.Key) is { } cancelled ? BookingTexts.Cancelled(cancelled, _clock) : BookingTexts.CancelFailed);
        }

        return await step.EndAsync(null, ct);
    }
}
