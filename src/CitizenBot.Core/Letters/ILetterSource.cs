namespace CitizenBot.Core.Letters;

/// <summary>A slice that knows which of its events call for a letter (resolved dossiers, passed due dates, answered petitions, ratings).</summary>
public interface ILetterSource
{
    /// <summary>The events since <paramref name="since"/> (older ones are not written to again); a letter already sent is skipped by the book.</summary>
    IEnumerable<LetterEvent> Events(DateTimeOffset since);
}
