using System.Collections.Concurrent;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.Tests.Messaging;

/// <summary>The dispatcher's contract: order per chat, one chat's wait never holds up another, at most once.</summary>
public sealed class OutboxDispatcherTests : IDisposable
{
    private static readonly ChatAddress Lan = new("telegram", "1");
    private static readonly ChatAddress Minh = new("telegram", "2");
    private readonly TempDataDir _dir = new();
    private readonly CitizenDatabase _db;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    private readonly Outbox _outbox;
    private readonly ScriptedSender _telegram = new("telegram");

    public OutboxDispatcherTests()
    {
        _db = TestDatabase.Open(_dir.Path);
        _outbox = new Outbox(_db, new DataSeal(new byte[32]));
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Messages_to_one_chat_go_in_the_order_they_were_stored()
    {
        Enqueue(Lan, "một", "hai", "ba", "bốn", "năm");

        await Dispatcher(_telegram).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["một", "hai", "ba", "bốn", "năm"], _telegram.SentTo(Lan));
        Assert.All(_outbox.All(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task A_retry_later_stops_that_chat_but_not_the_others()
    {
        Enqueue(Lan, "một", "hai");
        Enqueue(Minh, "ba", "bốn");
        _telegram.Answer = (to, message) => to == Lan && message.Text == "một" ? SendOutcome.Retry(TimeSpan.FromSeconds(30), "429") : null;

        await Dispatcher(_telegram).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["một"], _telegram.SentTo(Lan));
        Assert.Equal(["ba", "bốn"], _telegram.SentTo(Minh));
        Assert.Equal([OutboxStatus.Pending, OutboxStatus.Pending], _outbox.PendingFor(Lan.Key).Select(m => m.Status));
    }

    [Fact]
    public async Task A_chat_that_must_wait_resumes_in_order_once_its_wait_is_over()
    {
        Enqueue(Lan, "một", "hai");
        var first = true;
        _telegram.Answer = (_, message) =>
        {
            var wait = first ? SendOutcome.Retry(TimeSpan.FromSeconds(30), "429") : null;
            first = false;
            return wait;
        };
        var dispatcher = Dispatcher(_telegram);
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(10));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(["một"], _telegram.SentTo(Lan));

        _time.Advance(TimeSpan.FromSeconds(20));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(["một", "một", "hai"], _telegram.SentTo(Lan));
    }

    [Fact]
    public async Task An_unconfirmed_message_is_never_sent_again()
    {
        Enqueue(Lan, "một");
        _telegram.Answer = (_, _) => SendOutcome.Unsure("Timeout");
        var dispatcher = Dispatcher(_telegram);

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["một"], _telegram.SentTo(Lan));
        Assert.Equal(OutboxStatus.Unconfirmed, _outbox.All().Single().Status);
    }

    [Fact]
    public async Task A_failed_message_does_not_hold_up_the_next_one()
    {
        Enqueue(Lan, "một", "hai");
        _telegram.Answer = (_, message) => message.Text == "một" ? SendOutcome.Fail("403 Forbidden") : null;

        await Dispatcher(_telegram).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["một", "hai"], _telegram.SentTo(Lan));
        Assert.Equal([OutboxStatus.Failed, OutboxStatus.Sent], _outbox.All().Select(m => m.Status));
    }

    [Fact]
    public async Task Web_messages_are_delivered_by_storing_them_without_a_claim_or_a_send()
    {
        var web = new ChatAddress(ChatAddress.WebChannel, "conversation-1");
        var webSender = new ScriptedSender(ChatAddress.WebChannel);
        Enqueue(web, "một", "hai");

        await Dispatcher(_telegram, webSender).DispatchDueAsync(CancellationToken.None);

        Assert.Empty(webSender.Sent);
        Assert.All(_outbox.All(), m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(0, m.Attempts);
        });
    }

    [Fact]
    public async Task A_message_for_a_channel_that_is_not_enabled_waits_five_minutes()
    {
        Enqueue(new ChatAddress("zalo", "9"), "một");

        await Dispatcher(_telegram).DispatchDueAsync(CancellationToken.None);

        var message = _outbox.All().Single();
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), message.NextAttemptAt);
    }

    [Fact]
    public async Task A_send_under_way_when_the_host_stops_is_let_finish_and_nothing_new_is_claimed()
    {
        Enqueue(Lan, "một", "hai");
        var gated = new GatedSender("telegram");
        using var stopping = new CancellationTokenSource();
        var dispatch = Dispatcher(gated).DispatchChatAsync(Lan.Key, stopping.Token);
        var token = await gated.Started.Task;

        // The host begins to stop while "một" is on its way: the send is not cut (it would become "unconfirmed").
        await stopping.CancelAsync();
        Assert.False(token.IsCancellationRequested);
        gated.Finish.SetResult();
        await dispatch;

        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Pending], _outbox.All().Select(m => m.Status));
        Assert.Equal(1, gated.Calls);
    }

    [Fact]
    public async Task Counts_by_key_prefix_and_state_see_only_that_prefix_and_those_states()
    {
        _outbox.Enqueue([.. new[] { "zns:a", "zns:b", "zns:c", "reply:x" }.Select(k => OutboxMessage.Create(k, Lan, new OutgoingMessage(k), _time.GetUtcNow()))]);
        _telegram.Answer = (_, message) => message.Text switch
        {
            "zns:a" => SendOutcome.Fail("refused"),
            "zns:b" => SendOutcome.Hold("quota"),
            _ => null,
        };

        await Dispatcher(_telegram).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, _outbox.CountWithKeyPrefix("zns:", OutboxStatus.Failed));
        Assert.Equal(1, _outbox.CountWithKeyPrefix("zns:", OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Held));
        Assert.Equal(1, _outbox.CountWithKeyPrefix("zns:", OutboxStatus.Sent, OutboxStatus.Sent));
        Assert.Equal(1, _outbox.CountWithKeyPrefix("reply:", OutboxStatus.Sent));
        Assert.Equal(0, _outbox.CountWithKeyPrefix("zns:", OutboxStatus.Unconfirmed));
    }

    [Fact]
    public async Task The_kicker_holds_the_host_stop_until_a_send_under_way_has_finished()
    {
        Enqueue(Lan, "một", "hai");
        var gated = new GatedSender("telegram");
        using var lifetime = new StoppingLifetime();
        var kicker = new CitizenBot.Channels.OutboxKicker(Dispatcher(gated), lifetime, NullLogger<CitizenBot.Channels.OutboxKicker>.Instance);
        kicker.Kick(Lan.Key);
        await gated.Started.Task;

        // The host stops while "một" is on its way: StopAsync (and so the closing of the database) waits for it.
        await lifetime.Stopping.CancelAsync();
        var stop = kicker.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted);
        Assert.Equal(1, kicker.Running);

        gated.Finish.SetResult();
        await stop;
        Assert.Equal(0, kicker.Running);
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Pending], _outbox.All().Select(m => m.Status));

        // With nothing under way, the stop is immediate.
        await kicker.StopAsync(CancellationToken.None);
    }

    /// <summary>A host lifetime whose stopping token the test cancels.</summary>
    private sealed class StoppingLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();

        public void Dispose() => Stopping.Dispose();
    }

    private OutboxDispatcher Dispatcher(params IChannelSender[] senders) =>
        new(_outbox, senders, _time, NullLogger<OutboxDispatcher>.Instance);

    private void Enqueue(ChatAddress to, params string[] texts) =>
        _outbox.Enqueue([.. texts.Select(t => OutboxMessage.Create(Guid.NewGuid().ToString("N"), to, new OutgoingMessage(t), _time.GetUtcNow()))]);

    /// <summary>A send that starts, says so with its token, and completes when the test lets it.</summary>
    private sealed class GatedSender(string channel) : IChannelSender
    {
        public TaskCompletionSource<CancellationToken> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; private set; }

        public string Channel => channel;

        public async Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct)
        {
            Calls++;
            Started.TrySetResult(ct);
            await Finish.Task.WaitAsync(ct);
            return SendOutcome.SentAs("1");
        }
    }

    /// <summary>Records every send; <see cref="Answer"/> may script an outcome (null: sent).</summary>
    private sealed class ScriptedSender(string channel) : IChannelSender
    {
        public ConcurrentQueue<(ChatAddress To, string Text)> Sent { get; } = new();

        public Func<ChatAddress, OutgoingMessage, SendOutcome?> Answer { get; set; } = (_, _) => null;

        public string Channel => channel;

        public List<string> SentTo(ChatAddress chat) => [.. Sent.Where(s => s.To == chat).Select(s => s.Text)];

        public Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct)
        {
            var outcome = Answer(to, message);
            Sent.Enqueue((to, message.Text));
            return Task.FromResult(outcome ?? SendOutcome.SentAs(Sent.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
