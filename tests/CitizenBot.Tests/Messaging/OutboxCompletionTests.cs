using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Messaging;

/// <summary>What <see cref="Outbox.CompleteAsync"/> records after an attempt: when to try again, when to give up, what to forget.</summary>
public sealed class OutboxCompletionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChatAddress Chat = new("telegram", "42");
    private readonly TempDataDir _dir = new();
    private readonly CitizenDatabase _db;
    private readonly DataSeal _seal = new(new byte[32]);
    private readonly Outbox _outbox;

    public OutboxCompletionTests()
    {
        _db = TestDatabase.Open(_dir.Path);
        _outbox = new Outbox(_db, _seal);
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Retry_without_a_channel_wait_backs_off_doubling_from_five_seconds_up_to_ten_minutes()
    {
        var id = Enqueue(new OutgoingMessage("Xin chào"));
        var waits = new List<TimeSpan>();
        var at = Now;
        for (var attempt = 1; attempt <= 9; attempt++)
        {
            Assert.True(await _outbox.TryClaimAsync(id, at));
            await _outbox.CompleteAsync(id, SendOutcome.Retry(TimeSpan.Zero, "502 Bad Gateway"), at, maxAttempts: 20);
            var message = _outbox.Get(id)!;
            waits.Add(message.NextAttemptAt - at);
            at = message.NextAttemptAt;
        }

        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 600, 600], waits.Select(w => w.TotalSeconds));
        Assert.Equal(OutboxStatus.Pending, _outbox.Get(id)!.Status);
    }

    [Fact]
    public async Task Retry_honours_the_wait_the_channel_asked_for()
    {
        var id = Enqueue(new OutgoingMessage("Xin chào"));
        await _outbox.TryClaimAsync(id, Now);

        await _outbox.CompleteAsync(id, SendOutcome.Retry(TimeSpan.FromSeconds(37), "429 Too Many Requests"), Now, maxAttempts: 8);

        var message = _outbox.Get(id)!;
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(Now.AddSeconds(37), message.NextAttemptAt);
        Assert.Equal("429 Too Many Requests", message.Error);
    }

    [Fact]
    public async Task A_message_that_still_cannot_go_after_the_last_attempt_is_failed()
    {
        var id = Enqueue(new OutgoingMessage("Xin chào"));
        var at = Now;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.True(await _outbox.TryClaimAsync(id, at));
            await _outbox.CompleteAsync(id, SendOutcome.Retry(TimeSpan.Zero, "502 Bad Gateway"), at, maxAttempts: 3);
            at = _outbox.Get(id)!.NextAttemptAt;
        }

        var message = _outbox.Get(id)!;
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(3, message.Attempts);
        Assert.False(await _outbox.TryClaimAsync(id, at.AddDays(1)));
    }

    [Fact]
    public async Task Sent_records_the_channels_message_id_and_clears_the_error()
    {
        var id = Enqueue(new OutgoingMessage("Xin chào"));
        await _outbox.TryClaimAsync(id, Now);
        await _outbox.CompleteAsync(id, SendOutcome.Retry(TimeSpan.FromSeconds(1), "502"), Now, maxAttempts: 8);
        await _outbox.TryClaimAsync(id, Now.AddSeconds(1));

        await _outbox.CompleteAsync(id, SendOutcome.SentAs("777"), Now.AddSeconds(1), maxAttempts: 8);

        var message = _outbox.Get(id)!;
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal("777", message.ChannelMessageId);
        Assert.Equal(Now.AddSeconds(1), message.SentAt);
        Assert.Null(message.Error);
    }

    [Fact]
    public async Task Confidential_text_is_dropped_once_delivered_to_a_channel_without_history()
    {
        var id = Enqueue(new OutgoingMessage("Mã tra cứu: 1234").AsConfidential());
        await _outbox.TryClaimAsync(id, Now);

        await _outbox.CompleteAsync(id, SendOutcome.Sent, Now, maxAttempts: 8, dropConfidential: true);

        var message = _outbox.Get(id)!;
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal("", message.Text);
        Assert.Equal("", _outbox.Open(message).Text);
    }

    [Fact]
    public async Task Confidential_text_is_kept_sealed_while_it_waits_to_be_retried()
    {
        var id = Enqueue(new OutgoingMessage("Mã tra cứu: 1234").AsConfidential());
        await _outbox.TryClaimAsync(id, Now);

        await _outbox.CompleteAsync(id, SendOutcome.Retry(TimeSpan.Zero, "502"), Now, maxAttempts: 8, dropConfidential: true);

        var message = _outbox.Get(id)!;
        Assert.True(DataSeal.IsSealed(message.Text));
        Assert.Equal("Mã tra cứu: 1234", _outbox.Open(message).Text);
    }

    [Fact]
    public async Task Confidential_text_is_kept_for_a_channel_that_reads_its_history_from_the_outbox()
    {
        var id = Enqueue(new OutgoingMessage("Mã tra cứu: 1234").AsConfidential());
        await _outbox.TryClaimAsync(id, Now);

        await _outbox.CompleteAsync(id, SendOutcome.Sent, Now, maxAttempts: 8, dropConfidential: false);

        Assert.Equal("Mã tra cứu: 1234", _outbox.Open(_outbox.Get(id)!).Text);
    }

    [Fact]
    public async Task An_unconfirmed_attempt_is_never_claimed_again()
    {
        var id = Enqueue(new OutgoingMessage("Xin chào"));
        await _outbox.TryClaimAsync(id, Now);

        await _outbox.CompleteAsync(id, SendOutcome.Unsure("Timeout"), Now, maxAttempts: 8);

        Assert.Equal(OutboxStatus.Unconfirmed, _outbox.Get(id)!.Status);
        Assert.False(await _outbox.TryClaimAsync(id, Now.AddDays(1)));
    }

    private long Enqueue(OutgoingMessage message) =>
        _outbox.Enqueue(OutboxMessage.Create(Guid.NewGuid().ToString("N"), Chat, message, Now, _seal)).Single();
}
