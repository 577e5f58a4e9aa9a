using CitizenBot.Core.Commune;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Ratings;

/// <summary>The rating event of the letter system: every rating is thanked ("biết cảm ơn"), once.</summary>
public sealed class RatingLetterSource(CitizenDatabase db, CommuneClock clock) : ILetterSource
{
    public IEnumerable<LetterEvent> Events(DateTimeOffset since) =>
        db.Collection<Rating>(RatingBook.CollectionName).Find(r => r.CreatedAt >= since).Where(r => r.AddressKey.Length > 0).Select(r => For(r, null));

    /// <summary>The thank-you for one rating; the dialog writes it at once with the subject's title, the sweep catches any it missed.</summary>
    public LetterEvent For(Rating rating, string? title) =>
        new(LetterKind.RatingThanks, $"rating:{rating.Id}:thanks", ChatAddress.Parse(rating.AddressKey), $"rating:{rating.Id}",
            new Dictionary<string, string>
            {
                ["viec"] = title ?? RatingNames.Field(rating.Field),
                ["ma"] = rating.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ngay"] = LetterNames.Date(clock, rating.CreatedAt),
            });
}
