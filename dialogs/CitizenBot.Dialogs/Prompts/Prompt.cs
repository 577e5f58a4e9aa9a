using CitizenBot.Core.Messaging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>Checks a recognised value; returns null when it is acceptable, else the message to ask again with.</summary>
public delegate string? PromptValidator<in T>(T value, DialogContext dc);

/// <summary>What a prompt made of the input: a value, or the reason it could not.</summary>
public readonly record struct Recognition<T>(bool Succeeded, T? Value, string? Error)
{
    public static Recognition<T> Of(T value) => new(true, value, null);

    public static Recognition<T> Fail(string? error = null) => new(false, default, error);
}

/// <summary>
/// A prompt asks, recognises the answer, lets the validator decide, and asks again with the retry text.
/// After the last allowed attempt it gives up politely, clears the stack and offers the menu.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator) : Dialog(id)
{
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, IReadOnlyDictionary<string, string>? options, CancellationToken ct)
    {
        var instance = dc.ActiveInstance!;
        foreach (var (key, value) in options ?? new Dictionary<string, string>())
        {
            instance.Values[key] = value;
        }

        var promptOptions = PromptOptions.FromValues(instance.Values);
        dc.Send(Render(promptOptions, promptOptions.Prompt, instance));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var instance = dc.ActiveInstance!;
        var options = PromptOptions.FromValues(instance.Values);
        var payload = dc.Input.Payload;
        if (payload is not null && !payload.StartsWith(instance.Tag + "|", StringComparison.Ordinal))
        {
            // A button from an earlier question: say so and ask again, without counting an attempt.
            dc.Send(Render(options, PromptTexts.StaleButton + "\n\n" + options.Prompt, instance));
            return DialogTurnResult.Waiting;
        }

        var recognition = Recognize(dc, options, payload?[(instance.Tag.Length + 1)..]);
        var error = recognition.Error;
        if (recognition.Succeeded)
        {
            error = validator?.Invoke(recognition.Value!, dc);
            if (error is null)
            {
                return await dc.EndDialogAsync(recognition.Value, ct);
            }
        }

        instance.Attempts++;
        if (instance.Attempts >= options.MaxAttempts)
        {
            dc.Send(PromptTexts.GiveUp, PromptTexts.MenuButton, PromptTexts.OfficerButton);
            return dc.CancelAll();
        }

        dc.Send(Render(options, (error ?? options.Retry ?? DefaultRetry) + "\n\n" + options.Prompt, instance));
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct)
    {
        var instance = dc.ActiveInstance!;
        var options = PromptOptions.FromValues(instance.Values);
        dc.Send(Render(options, options.Prompt, instance));
        return Task.CompletedTask;
    }

    protected abstract string DefaultRetry { get; }

    /// <summary>Turns the input (or the pressed button's value, without its tag) into a value.</summary>
    protected abstract Recognition<T> Recognize(DialogContext dc, PromptOptions options, string? buttonValue);

    protected virtual IEnumerable<Button> ButtonsFor(PromptOptions options, DialogInstance instance) =>
        options.Choices.Select(c => new Button(c.Label, $"{instance.Tag}|{c.Value}"));

    protected virtual bool RequestsContact => false;

    private OutgoingMessage Render(PromptOptions options, string text, DialogInstance instance)
    {
        var buttons = ButtonsFor(options, instance).ToList();
        if (!options.HideMenuButton)
        {
            buttons.Add(PromptTexts.MenuButton);
        }

        return new OutgoingMessage(text, buttons, RequestsContact) { Confidential = options.Confidential, Columns = options.Columns };
    }
}
