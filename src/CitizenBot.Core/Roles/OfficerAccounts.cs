namespace CitizenBot.Core.Roles;

/// <summary>
/// Officers' personal accounts for the web console (skeleton: names only; stored accounts, hashed passwords and lockout
/// come with the accounts work).
/// </summary>
public sealed class OfficerAccounts
{
    /// <summary>The name the console shows for an actor key ("telegram:123", "account:lan").</summary>
    public string DisplayNameOf(string actor) => actor.StartsWith("telegram:", StringComparison.Ordinal)
        ? $"Telegram {actor["telegram:".Length..]}"
        : actor;
}
