namespace CitizenBot.Core.Roles;

/// <summary>Who is an admin from the start (channel user keys read from configuration), and where officers meet.</summary>
public sealed class RoleOptions
{
    public IReadOnlyList<string> AdminUserKeys { get; init; } = [];

    /// <summary>The officers' group (Telegram:OfficersChatId): the one group where commands may show personal data.</summary>
    public Messaging.ChatAddress? OfficersChat { get; init; }
}
