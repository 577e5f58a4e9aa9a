using CitizenBot.Core.Messaging;

namespace CitizenBot.Channels.Web;

/// <summary>
/// The web chat page reads its messages straight from the outbox, which stores them as sent (<see cref="ChatAddress.DeliveredByStoring"/>);
/// this sender only completes a message that was queued as pending by older code.
/// </summary>
public sealed class WebChannelSender : IChannelSender
{
    public const string ChannelName = ChatAddress.WebChannel;

    public string Channel => ChannelName;

    /// <summary>The web chat shows its history from the outbox, so confidential messages stay there, sealed.</summary>
    public bool KeepsHistoryInOutbox => true;

    public Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct) => Task.FromResult(SendOutcome.Sent);
}
