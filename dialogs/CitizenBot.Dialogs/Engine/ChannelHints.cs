using CitizenBot.Core.Messaging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>The few words of an instruction that depend on the app the citizen writes from (where its attach button is).</summary>
public static class ChannelHints
{
    /// <summary>The button that opens the photo, file and location choices: 📎 on Telegram, ⋯ beside the message box on Zalo.</summary>
    public static string AttachButton(ChatAddress address) => address.Channel == "zalo" ? "⋯" : "📎";
}
