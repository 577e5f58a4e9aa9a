using CitizenBot.Core.Messaging;

namespace CitizenBot.Tests.Support;

/// <summary>Readable assertions on what the bot said.</summary>
public static class Replies
{
    public static string AllText(this IEnumerable<OutgoingMessage> replies) => string.Join("\n---\n", replies.Select(r => r.Text));

    public static void ShouldSay(this IReadOnlyCollection<OutgoingMessage> replies, string expected) =>
        Assert.True(replies.Any(r => r.Text.Contains(expected, StringComparison.Ordinal)),
            $"Expected a reply containing \"{expected}\", but the bot said:\n{replies.AllText()}");

    public static void ShouldNotSay(this IReadOnlyCollection<OutgoingMessage> replies, string unexpected) =>
        Assert.False(replies.Any(r => r.Text.Contains(unexpected, StringComparison.Ordinal)),
            $"Expected no reply containing \"{unexpected}\", but the bot said:\n{replies.AllText()}");

    public static void ShouldOfferButton(this IReadOnlyCollection<OutgoingMessage> replies, string labelPart) =>
        Assert.True(replies.SelectMany(r => r.Buttons).Any(b => b.Label.Contains(labelPart, StringComparison.Ordinal)),
            $"Expected a button containing \"{labelPart}\"; offered: {string.Join(" | ", replies.SelectMany(r => r.Buttons).Select(b => b.Label))}");

    public static void ShouldNotOfferButton(this IReadOnlyCollection<OutgoingMessage> replies, string labelPart) =>
        Assert.False(replies.SelectMany(r => r.Buttons).Any(b => b.Label.Contains(labelPart, StringComparison.Ordinal)),
            $"Expected no button containing \"{labelPart}\"; offered: {string.Join(" | ", replies.SelectMany(r => r.Buttons).Select(b => b.Label))}");

    /// <summary>Every turn must leave a way back: a button, or the menu itself.</summary>
    public static void ShouldLeaveAWayOn(this IReadOnlyCollection<OutgoingMessage> replies) =>
        Assert.True(replies.Count > 0 && replies.Last().Buttons.Count > 0 || replies.Any(r => r.Buttons.Any(b => b.Payload == "nav:menu")),
            $"The last reply offers no button:\n{replies.AllText()}");
}
