namespace CitizenBot.Core.Messaging;

/// <summary>Told when the bot can no longer write to a chat (removed from a group, blocked by a user).</summary>
public interface IChatMembershipListener
{
    void ChatLeft(ChatAddress chat);
}
