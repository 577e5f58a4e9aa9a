using System.Text.RegularExpressions;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Escalation;

/// <summary>One client cannot flood the officers: limits per sender, a fair relay queue, an hourly cap with a digest.</summary>
public sealed partial class RelayQueueTests
{
    private const string Question = "Xin hỏi lịch tiêm phòng cho trẻ ở thôn?";
    private const string Flooder = "web-ip:203.0.113.7";
    private const string OfficerId = "700";

    private static ChatAddress Conversation(int i) => new("web", i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The question typed, then the guide's "send it to the officers" pressed: only the press sends and counts it.</summary>
    private static async Task<List<OutgoingMessage>> AskAsync(BotHarness bot, string sender, ChatAddress conversation)
    {
        var offer = await bot.TurnAsync(new TurnInput { Text = Question, SenderKey = sender }, conversation);
        var ask = offer.SelectMany(m => m.Buttons).First(b => b.Label == GuideTexts.AskLabel);
        return await bot.TurnAsync(new TurnInput { Payload = ask.Payload, SenderKey = sender }, conversation);
    }

    private static string TagIn(List<OutgoingMessage> replies) =>
        TagPattern().Match(replies.AllText()) is { Success: true } match ? match.Value : throw new InvalidOperationException("No tag in:\n" + replies.AllText());

    private static List<string> TagsIn(IEnumerable<OutboxMessage> messages) =>
        [.. messages.SelectMany(m => TagPattern().Matches(m.Text).Select(t => t.Value)).Where(t => t != "Q-XXXX").Distinct()];

    [Fact]
    public async Task One_client_opening_a_hundred_conversations_relays_at_most_its_daily_limit()
    {
        using var bot = new BotHarness(limits: new RateLimitOptions());
        var refusals = new List<List<OutgoingMessage>>();

        for (var i = 0; i < 100; i++)
        {
            var replies = await AskAsync(bot, Flooder, Conversation(i));
            if (replies.Any(r => r.Text.Contains("chưa nhận thêm câu hỏi", StringComparison.Ordinal)))
            {
                refusals.Add(replies);
            }

            bot.DeliverToOfficers();
        }

        Assert.Equal(20, bot.Get<QuestionBook>().Open().Count);
        Assert.Equal(20, bot.FirstRelays().Count);
        Assert.Equal(80, refusals.Count);
        refusals[0].ShouldSay("cùng mạng Internet");
        refusals[0].ShouldSay("gọi điện hoặc đến trực tiếp UBND xã");
        refusals[0].ShouldOfferButton("Về menu chính");

        // Another client is not held back by the first one.
        (await AskAsync(bot, "web-ip:198.51.100.9", Conversation(500))).ShouldSay("đã chuyển tới cán bộ xã");
    }

    [Fact]
    public void Conversations_asking_at_the_same_moment_cannot_slip_under_the_sender_limit()
    {
        using var bot = new BotHarness();
        var questions = bot.Get<QuestionBook>();

        var asked = 0;
        Parallel.For(0, 100, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (questions.Ask(Conversation(i), Question, "main", "Menu chính", Flooder, new QuestionQuota(5, 20)).Question is not null)
            {
                Interlocked.Increment(ref asked);
            }
        });

        Assert.Equal(20, asked);
        Assert.Equal(20, questions.Open().Count);
    }

    [Fact]
    public async Task A_citizen_asking_after_one_client_queued_fifty_questions_is_among_the_first_two_relays()
    {
        using var bot = new BotHarness();
        for (var i = 0; i < 50; i++)
        {
            (await AskAsync(bot, Flooder, Conversation(i / 5))).ShouldSay("đã chuyển tới cán bộ xã");
        }

        var citizen = TagIn(await AskAsync(bot, "web-ip:198.51.100.9", Conversation(900)));
        bot.DeliverToOfficers();

        var relays = bot.FirstRelays();
        Assert.Contains(citizen, string.Join("\n", relays.Take(2).Select(r => r.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_hourly_cap_questions_wait_for_one_digest_that_lists_their_tags()
    {
        using var bot = new BotHarness();
        bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);
        var tags = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var replies = await AskAsync(bot, $"web-ip:10.0.0.{i}", Conversation(i));
            replies.ShouldSay("đã chuyển tới cán bộ xã");
            tags.Add(TagIn(replies));
            bot.DeliverToOfficers();
        }

        var relayed = TagsIn(bot.FirstRelays());
        var held = tags.Except(relayed).ToList();
        Assert.Equal(30, relayed.Count);
        Assert.Equal(10, held.Count);
        Assert.Empty(bot.Digests());
        Assert.All(held, tag => Assert.Contains(bot.Get<QuestionBook>().Open(), q => q.Tag == tag));

        bot.Clock.Advance(TimeSpan.FromMinutes(59));
        bot.DeliverToOfficers();
        Assert.Empty(bot.Digests());
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        bot.DeliverToOfficers();
        bot.DeliverToOfficers();
        bot.Restart();
        bot.DeliverToOfficers();

        var digest = Assert.Single(bot.Digests());
        Assert.StartsWith("📋 10 câu hỏi khác đang chờ:", digest.Text, StringComparison.Ordinal);
        Assert.Equal(held.Order(), TagsIn([digest]).Order());
        Assert.Equal(30, bot.FirstRelays().Count);

        // The digest is not a relay: a reply to it answers nothing, and /traloi answers a question it lists.
        var sent = bot.Get<Outbox>().FindByKey(digest.Key)!;
        Assert.Null(bot.Get<QuestionBook>().ByRelayMessage(BotHarness.OfficersChat, sent.ChannelMessageId!));
        (await bot.CommandAsync($"/traloi {held[0]} Thứ Hai hằng tuần tại trạm y tế.", OfficerId)).ShouldSay("Đã gửi câu trả lời");
    }

    [Fact]
    public async Task The_relay_sweep_run_twice_or_after_a_restart_relays_each_question_once()
    {
        using var bot = new BotHarness();
        for (var i = 0; i < 5; i++)
        {
            await AskAsync(bot, i < 3 ? Flooder : "web-ip:198.51.100.9", Conversation(i));
        }

        // One relay waits in the outbox at a time; the queue keeps the rest.
        Assert.Single(bot.FirstRelays());
        Assert.Equal(0, bot.Get<QuestionRelaySweep>().Run());
        Assert.Equal(0, bot.Get<QuestionRelaySweep>().Run());
        bot.Restart();
        Assert.Equal(0, bot.Get<QuestionRelaySweep>().Run());

        bot.DeliverToOfficers();
        bot.DeliverToOfficers();

        var relays = bot.FirstRelays();
        Assert.Equal(5, relays.Count);
        Assert.Equal(5, TagsIn(relays).Count);
        Assert.All(bot.Get<QuestionBook>().Open(), q => Assert.Equal(RelayState.Relayed, q.Relay));
    }

    [Fact]
    public async Task A_question_seen_only_in_a_digest_is_not_put_to_the_officers_again_but_its_citizen_hears_the_apology()
    {
        using var bot = new BotHarness();
        var tags = new List<string>();
        for (var i = 0; i < 31; i++)
        {
            tags.Add(TagIn(await AskAsync(bot, $"web-ip:10.0.0.{i}", Conversation(i))));
            bot.DeliverToOfficers();
        }

        bot.Clock.Advance(TimeSpan.FromHours(1));
        bot.DeliverToOfficers();
        var officersBefore = bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 10_000).Count;
        bot.Clock.Advance(TimeSpan.FromHours(4));

        Assert.Equal(31, bot.Get<UnansweredQuestionSweep>().Run());
        Assert.Equal(0, bot.Get<UnansweredQuestionSweep>().Run());

        // Thirty reminders for the questions relayed one by one; none for the one the digest listed.
        var reminders = bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 10_000).Skip(officersBefore).ToList();
        Assert.Equal(30, reminders.Count);
        Assert.DoesNotContain(reminders, m => m.Text.Contains(tags[30], StringComparison.Ordinal));
        Assert.Single(bot.Get<Outbox>().For(Conversation(30).Key, 0, 100), m => m.Text.Contains("cần thêm thời gian", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_of_waiting_questions_stays_within_one_telegram_message_after_a_flood()
    {
        using var bot = new BotHarness();
        bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);
        for (var i = 0; i < 40; i++)
        {
            bot.Get<QuestionBook>().Ask(Conversation(i), new string('x', 900) + " câu hỏi dài", "main", "Menu chính", $"web-ip:10.0.0.{i}");
        }

        var list = Assert.Single(await bot.CommandAsync("/cauhoi", OfficerId), m => m.Text.StartsWith("📥", StringComparison.Ordinal));

        Assert.True(list.Text.Length < 4096, $"{list.Text.Length} characters");
        Assert.Contains("và 25 câu hỏi khác", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_gives_the_communes_phone_when_the_settings_have_one()
    {
        var text = CitizenBot.Dialogs.Escalation.AskOfficerTexts.TooManyFromSender(20, webAddress: false, communePhone: "0237 3868 123");

        Assert.Contains("tài khoản của ông/bà", text, StringComparison.Ordinal);
        Assert.Contains("theo số 0237 3868 123", text, StringComparison.Ordinal);
        Assert.Contains("menu", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("Q-[0-9A-FX]{4}")]
    private static partial Regex TagPattern();
}
