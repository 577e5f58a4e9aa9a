namespace CitizenBot.Core.Escalation;

/// <summary>A citizen's phone as another slice knows it (from a booking or a petition), to give officers a masked contact.</summary>
public interface ICitizenDirectory
{
    string? PhoneOf(string addressKey);
}
