using System.Globalization;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>A shared location ("lat,lon"), or "skip" from its button.</summary>
public sealed class LocationPrompt(string id) : Prompt<string>(id, null)
{
    protected override string DefaultRetry => PetitionDialogTexts.LocationRetry;

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        // A place on Earth only: a channel (or a forged request) may send NaN, infinities or 200° of longitude, which the
        // petition must never store (nor its state serialise) — such a "location" is asked for again.
        if (dc.Input.Location is { } location && double.IsFinite(location.Latitude) && double.IsFinite(location.Longitude)
            && Math.Abs(location.Latitude) <= 90 && Math.Abs(location.Longitude) <= 180)
        {
            return Recognition<string>.Of(string.Create(CultureInfo.InvariantCulture, $"{location.Latitude},{location.Longitude}"));
        }

        return ChoicePrompt.Match(options.Choices, buttonValue, dc.Input.Text) is { } skip ? Recognition<string>.Of(skip) : Recognition<string>.Fail();
    }
}
