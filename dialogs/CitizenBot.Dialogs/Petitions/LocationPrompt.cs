using System.Globalization;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>A shared location ("lat,lon"), or "skip" from its button.</summary>
public sealed class LocationPrompt(string id) : Prompt<string>(id, null)
{
    protected override string DefaultRetry => PetitionDialogTexts.LocationRetry;

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        // A GeoPoint is a place on Earth by construction: NaN or 200° never arrive here, they are asked for again.
        if (dc.Input.Location is { } location)
        {
            return Recognition<string>.Of(string.Create(CultureInfo.InvariantCulture, $"{location.Latitude},{location.Longitude}"));
        }

        return ChoicePrompt.Match(options.Choices, buttonValue, dc.Input.Text) is { } skip ? Recognition<string>.Of(skip) : Recognition<string>.Fail();
    }
}
