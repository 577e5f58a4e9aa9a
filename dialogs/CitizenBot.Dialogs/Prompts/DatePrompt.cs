using System.Globalization;
using CitizenBot.Core.Commune;

namespace CitizenBot.Dialogs.Engine;

/// <summary>A date: "20/12/2026", "20/12" (this year), "hôm nay", "ngày mai", or a button's yyyy-MM-dd.</summary>
public sealed class DatePrompt(string id, CommuneClock clock, PromptValidator<DateOnly>? validator = null) : Prompt<DateOnly>(id, validator)
{
    private static readonly string[] Formats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d/M/yy"];

    protected override string DefaultRetry => PromptTexts.DateRetry;

    protected override Recognition<DateOnly> Recognize(DialogContext dc, PromptOptions options, string? buttonValue) =>
        Parse(buttonValue ?? dc.Input.Text, clock.Today) is { } date ? Recognition<DateOnly>.Of(date) : Recognition<DateOnly>.Fail(PromptTexts.DateRetry);

    public static DateOnly? Parse(string? input, DateOnly today)
    {
        var folded = TextMatching.Fold(input);
        switch (folded)
        {
            case "hom nay":
                return today;
            case "ngay mai":
            case "mai":
                return today.AddDays(1);
        }

        if (DateOnly.TryParseExact(folded, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateOnly.TryParseExact(folded, ["d/M", "d-M"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dayMonth)
            ? new DateOnly(today.Year, dayMonth.Month, dayMonth.Day)
            : null;
    }
}
