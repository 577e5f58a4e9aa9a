using CitizenBot.Core.Messaging;

namespace CitizenBot.Channels.Web;

/// <summary>The web chat page reads its messages straight from the outbox, so "sending" only marks them sent.</summary>
public sealed class WebChannelSender : IChannelSender
{
    public const string ChannelName = "web";

    public string Channel => ChannelName;

    /// <summary>The web chat shows its history from the outbox, so confidential messages stay there, sealed.</summary>
    public bool KeepsHistoryInOutbox => true;

    public Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct) => Task.FromResult(SendOutcome.Sent);
}
