using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Reception;

/// <summary>
/// Đặt lịch tiếp công dân: day, slot, topic, details, name, phone, confirm; then the booking code, the
/// details and a calendar file. With the option "reschedule" it moves an existing booking instead. A
/// slot taken in the meantime is answered politely with the nearest free slots.
/// </summary>
public sealed class BookReceptionDialog : WaterfallDialog
{
    public const string DialogId = "reception.book";
    public const string DayPromptId = "reception.day";
    public const string SlotPromptId = "reception.slot";
    public const string TopicPromptId = "reception.topic";
    public const string DetailsPromptId = "reception.details";
    public const string NamePromptId = "reception.name";
    public const string PhonePromptId = "reception.phone";
    public const string ConfirmPromptId = "reception.confirm";
    public const string AlternativePromptId = "reception.alternative";
    public const string MinePayload = "bk:mine";

    private readonly ReceptionBook _bookings;
    private readonly ReceptionOptions _options;
    private readonly CommuneOptions _commune;
    private readonly CommuneClock _clock;

    public BookReceptionDialog(ReceptionBook bookings, ReceptionOptions options, CommuneOptions commune, CommuneClock clock) : base(DialogId)
    {
        _bookings = bookings;
        _options = options;
        _commune = commune;
        _clock = clock;
        AddStep(nameof(ChooseDayAsync), ChooseDayAsync);
        AddStep(nameof(ChooseSlotAsync), ChooseSlotAsync);
        AddStep(nameof(AskTopicAsync), AskTopicAsync);
        AddStep(nameof(AskDetailsAsync), AskDetailsAsync);
        AddStep(nameof(AskNameAsync), AskNameAsync);
        AddStep(nameof(AskPhoneAsync), AskPhoneAsync);
        AddStep(nameof(ConfirmAsync), ConfirmAsync);
        AddStep(nameof(BookAsync), BookAsync);
        AddStep(nameof(TakeAlternativeAsync), TakeAlternativeAsync);
        AddPrompt(new ChoicePrompt(DayPromptId));
        AddPrompt(new ChoicePrompt(SlotPromptId));
        AddPrompt(new ChoicePrompt(TopicPromptId));
        AddPrompt(new TextPrompt(DetailsPromptId));
        AddPrompt(new TextPrompt(NamePromptId, ValidateName));
        AddPrompt(new PhonePrompt(PhonePromptId));
        AddPrompt(new ConfirmPrompt(ConfirmPromptId));
        AddPrompt(new ChoicePrompt(AlternativePromptId));
    }

    public override string HelpText => BookingTexts.Help;

    public static string? ValidateName(string name, DialogContext dc) => name.Any(char.IsLetter) ? null : BookingTexts.NameInvalid;

    private Booking? Rescheduled(WaterfallStepContext step) =>
        step.State<BookingState>().Reschedule is { } code && _bookings.Get(code) is { Status: BookingStatus.Booked } booking
            && booking.AddressKey == step.Address.Key ? booking : null;

    private async Task<DialogTurnResult> ChooseDayAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var moving = step.State<BookingState>().Reschedule is not null;
        if (moving && Rescheduled(step) is null)
        {
            step.Send(BookingTexts.MoveNotFound);
            return await step.EndAsync(null, ct);
        }

        if (!moving && _bookings.OpenFor(step.Address.Key).Count >= _options.MaxOpenBookings)
        {
            step.Send(BookingTexts.TooMany(_options.MaxOpenBookings), new Button(BookingTexts.MineLabel, MinePayload), PromptTexts.MenuButton);
            return step.Context.CancelAll();
        }

        var days = _bookings.OpenDays(_options.DaysOffered);
        if (days.Count == 0)
        {
            step.Send(BookingTexts.NoDays, PromptTexts.OfficerButton, PromptTexts.MenuButton);
            return step.Context.CancelAll();
        }

        return await step.PromptAsync(DayPromptId, new PromptOptions
        {
            Prompt = BookingTexts.AskDay,
            Choices = [.. days.Select(d => new Choice(d.Day.Key, BookingTexts.DayLabel(d.Day, d.Free), [VietnameseFormat.Date(d.Day.Date), d.Day.Date.ToString("d/M", System.Globalization.CultureInfo.InvariantCulture)]))],
        }, ct);
    }

    private async Task<DialogTurnResult> ChooseSlotAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var dayKey = (string)step.Result!;
        var day = _bookings.Calendar.Find(dayKey);
        var free = day is null ? [] : _bookings.FreeSlots(day);
        if (day is null || free.Count == 0)
        {
            step.Send(BookingTexts.DayFull);
            return await step.GoToStepAsync(nameof(ChooseDayAsync), null, ct);
        }

        step.State<BookingState>().Day = dayKey;
        return await step.PromptAsync(SlotPromptId, new PromptOptions
        {
            Prompt = BookingTexts.AskSlot(day),
            Columns = BookingTexts.SlotColumns,
            Choices = [.. free.Select(f => new Choice(f.Slot.Key, f.Slot.Label, [f.Slot.Key, f.Slot.Start.ToString("H\\:mm", System.Globalization.CultureInfo.InvariantCulture)]))],
        }, ct);
    }

    private async Task<DialogTurnResult> AskTopicAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var state = step.State<BookingState>();
        state.Slot = (string)step.Result!;
        if (state.Reschedule is not null)
        {
            return await step.GoToStepAsync(nameof(ConfirmAsync), null, ct);
        }

        return await step.PromptAsync(TopicPromptId, new PromptOptions
        {
            Prompt = BookingTexts.AskTopic,
            Choices = [.. ReceptionTopics.All.Select(t => new Choice(t.Id, t.Label))],
        }, ct);
    }

    private Task<DialogTurnResult> AskDetailsAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<BookingState>().Topic = (string)step.Result!;
        return step.PromptAsync(DetailsPromptId, new PromptOptions { Prompt = BookingTexts.AskDetails, Min = 5, Max = 500 }, ct);
    }

    private Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<BookingState>().Details = (string)step.Result!;
        return step.PromptAsync(NamePromptId, new PromptOptions { Prompt = BookingTexts.AskName, Retry = BookingTexts.NameInvalid, Min = 2, Max = 80 }, ct);
    }

    private Task<DialogTurnResult> AskPhoneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<BookingState>().Name = (string)step.Result!;
        return step.PromptAsync(PhonePromptId, new PromptOptions { Prompt = BookingTexts.AskPhone(ChannelHints.HowToGivePhone(step.Address)) }, ct);
    }

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var state = step.State<BookingState>();
        if (step.Result is string phone)
        {
            state.Phone = phone;
        }

        var day = _bookings.Calendar.Find(state.Day ?? "");
        var slot = day?.Slot(state.Slot ?? "");
        if (day is null || slot is null)
        {
            step.Send(BookingTexts.DayFull);
            return await step.GoToStepAsync(nameof(ChooseDayAsync), null, ct);
        }

        var text = Rescheduled(step) is { } old
            ? BookingTexts.ConfirmMove(old, day, slot, _clock)
            : BookingTexts.Confirm(day, slot, state.Topic!, state.Details!, state.Name!, state.Phone!);
        return await step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = text }, ct);
    }

    private async Task<DialogTurnResult> BookAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is false)
        {
            step.Send(step.State<BookingState>().Reschedule is not null ? BookingTexts.KeptBooking : BookingTexts.NotBooked);
            return await step.EndAsync(null, ct);
        }

        var old = Rescheduled(step);
        var v = step.State<BookingState>();
        var request = old is null
            ? new BookingRequest(step.Address.Key, v.Day!, v.Slot!, v.Topic!, v.Details!, v.Name!, v.Phone!)
            : new BookingRequest(step.Address.Key, v.Day!, v.Slot!, old.Topic, old.Details, old.Name, old.Phone, old.Code);
        // The confirmation and the calendar file are queued with the booking, in one transaction.
        var result = _bookings.Book(request, booking =>
        [
            new OutgoingMessage(old is null ? BookingTexts.Booked(ReceptionTexts.Details(booking, _options, _clock)) + ChannelHints.ReminderNote(step.Address) : BookingTexts.Moved(old.Code, booking.Code, ReceptionTexts.Details(booking, _options, _clock)) + ChannelHints.ReminderNote(step.Address)),
            OutgoingMessage.Document(BookingTexts.CalendarCaption, BookingCalendarFile.For(booking, _options, _commune)),
        ]);
        switch (result.Outcome)
        {
            case BookingOutcome.Booked:
                return await step.EndAsync(result.Booking!.Code, ct);
            case BookingOutcome.TooManyOpen:
                step.Send(BookingTexts.TooMany(_options.MaxOpenBookings), new Button(BookingTexts.MineLabel, MinePayload), PromptTexts.MenuButton);
                return step.Context.CancelAll();
            case BookingOutcome.NotFound:
                step.Send(BookingTexts.MoveNotFound);
                return await step.EndAsync(null, ct);
            default:
                return await OfferAlternativesAsync(step, result, ct);
        }
    }

    private async Task<DialogTurnResult> OfferAlternativesAsync(WaterfallStepContext step, BookingResult result, CancellationToken ct)
    {
        var alternatives = result.Alternatives ?? [];
        if (alternatives.Count == 0)
        {
            step.Send(BookingTexts.NoAlternatives, PromptTexts.OfficerButton, PromptTexts.MenuButton);
            return step.Context.CancelAll();
        }

        List<Choice> choices = [.. alternatives.Select(f => new Choice($"{f.Day.Key}|{f.Slot.Key}", BookingTexts.AlternativeLabel(f)))];
        choices.Add(new Choice("other", BookingTexts.OtherDayLabel, ["ngay khac", "chon ngay khac"]));
        return await step.PromptAsync(AlternativePromptId, new PromptOptions
        {
            Prompt = result.Outcome == BookingOutcome.SlotTaken ? BookingTexts.SlotTaken : BookingTexts.SlotGone,
            Choices = choices,
        }, ct);
    }

    private async Task<DialogTurnResult> TakeAlternativeAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var chosen = (string)step.Result!;
        if (chosen == "other")
        {
            return await step.GoToStepAsync(nameof(ChooseDayAsync), null, ct);
        }

        var parts = chosen.Split('|');
        var state = step.State<BookingState>();
        state.Day = parts[0];
        state.Slot = parts[1];
        // The citizen chose this exact slot from the list: book it straight away.
        return await step.GoToStepAsync(nameof(BookAsync), true, ct);
    }
}
