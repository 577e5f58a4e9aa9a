using System.Net;
using System.Net.Sockets;
using System.Text;
using CitizenBot.Channels.Telegram;
using CitizenBot.Core.Messaging;
using Telegram.Bot;

namespace CitizenBot.Tests.Channels;

/// <summary>
/// How each answer of the Bot API, or its silence, becomes an outcome for the outbox: the real Telegram.Bot client
/// against a tiny Bot API on 127.0.0.1 that answers as the test says.
/// </summary>
public sealed class TelegramChannelSenderTests : IAsyncDisposable
{
    private static readonly ChatAddress Chat = new(TelegramChannelSender.ChannelName, "4242");
    private readonly FakeBotApi _api = new();

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_delivered_message_is_sent_with_the_id_Telegram_gave_it()
    {
        _api.Answer(200, """{"ok":true,"result":{"message_id":314,"date":1764000000,"chat":{"id":4242,"type":"private"},"text":"Xin chào"}}""");

        var outcome = await Send(_api.BaseUrl);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("314", outcome.MessageId);
    }

    [Fact]
    public async Task Too_many_requests_waits_the_retry_after_Telegram_gave()
    {
        _api.Answer(429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 17","parameters":{"retry_after":17}}""");

        var outcome = await Send(_api.BaseUrl);

        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(17), outcome.RetryAfter);
    }

    [Fact]
    public async Task A_bad_request_fails_without_a_retry()
    {
        _api.Answer(400, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""");

        var outcome = await Send(_api.BaseUrl);

        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.StartsWith("400", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_bot_fails_as_forbidden()
    {
        _api.Answer(403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");

        var outcome = await Send(_api.BaseUrl);

        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.StartsWith("Forbidden", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(502, """{"ok":false,"error_code":502,"description":"Bad Gateway"}""")]
    [InlineData(500, "<html>Internal Server Error</html>")]
    public async Task A_server_error_is_retried_with_the_outboxs_back_off(int status, string body)
    {
        _api.Answer(status, body);

        var outcome = await Send(_api.BaseUrl);

        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
        Assert.Equal(TimeSpan.Zero, outcome.RetryAfter);
    }

    [Fact]
    public async Task A_timeout_after_the_request_left_is_unconfirmed_and_not_sent_again()
    {
        const string Delivered = """{"ok":true,"result":{"message_id":1,"date":1764000000,"chat":{"id":4242,"type":"private"}}}""";
        _api.Answer(200, Delivered);
        Assert.Equal(SendOutcomeKind.Sent, (await Send(_api.BaseUrl)).Kind); // warm: the timed request surely leaves
        _api.AnswerAfter(TimeSpan.FromSeconds(30), 200, Delivered);

        var outcome = await Send(_api.BaseUrl, timeout: TimeSpan.FromSeconds(1));

        Assert.Equal(SendOutcomeKind.Unconfirmed, outcome.Kind);
        Assert.Equal(2, await _api.RequestsWithinAsync(2, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_refused_connection_never_reached_Telegram_so_it_is_retried()
    {
        var outcome = await Send($"http://127.0.0.1:{FreePort()}");

        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
        Assert.StartsWith("Network", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_are_laid_out_in_rows_of_the_messages_columns_with_navigation_on_its_own_row()
    {
        _api.Answer(200, """{"ok":true,"result":{"message_id":315,"date":1764000000,"chat":{"id":4242,"type":"private"},"text":"Mời chọn giờ"}}""");
        Button[] hours = [.. Enumerable.Range(0, 7).Select(i => new Button($"0{i + 1}:00–0{i + 1}:30", $"t|{i}"))];
        var message = new OutgoingMessage("Mời chọn giờ", [.. hours, new Button("🏠 Về menu chính", "nav:menu")]) { Columns = 3 };

        await Send(_api.BaseUrl, message: message);

        using var sent = System.Text.Json.JsonDocument.Parse(_api.LastBody!);
        var rows = sent.RootElement.GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(b => b.GetProperty("callback_data").GetString()).ToArray()).ToArray();
        Assert.Equal([["t|0", "t|1", "t|2"], ["t|3", "t|4", "t|5"], ["t|6"], ["nav:menu"]], rows);
    }

    [Fact]
    public async Task Buttons_of_a_message_without_columns_keep_one_per_row()
    {
        _api.Answer(200, """{"ok":true,"result":{"message_id":316,"date":1764000000,"chat":{"id":4242,"type":"private"},"text":"Menu"}}""");

        await Send(_api.BaseUrl, message: new OutgoingMessage("Menu", [new Button("A", "menu:a"), new Button("B", "menu:b"), new Button("🏠", "nav:menu")]));

        using var sent = System.Text.Json.JsonDocument.Parse(_api.LastBody!);
        Assert.All(sent.RootElement.GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray(), r => Assert.Equal(1, r.GetArrayLength()));
    }

    private static async Task<SendOutcome> Send(string baseUrl, TimeSpan? timeout = null, OutgoingMessage? message = null)
    {
        using var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        // As the host sets it up: no retries inside the client, every 429 comes back to the outbox.
        var client = new TelegramBotClient(new TelegramBotClientOptions("123456:TEST", baseUrl) { RetryThreshold = 0 }, http);
        var sender = new TelegramChannelSender(client, new TelegramPacing(new TelegramLimits(), TimeProvider.System, TimeSpan.Zero));
        return await sender.SendAsync(Chat, message ?? new OutgoingMessage("Xin chào"), CancellationToken.None);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Answers every request with one scripted status and body, optionally late.</summary>
    private sealed class FakeBotApi : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _status = 200;
        private string _body = "{}";
        private TimeSpan _delay;
        private int _requests;

        public FakeBotApi()
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(BaseUrl + "/");
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string BaseUrl { get; }

        /// <summary>The body of the last request taken (the Bot API call's JSON).</summary>
        public string? LastBody { get; private set; }

        /// <summary>The requests the server has taken, once <paramref name="expected"/> arrived (or the wait is over).</summary>
        public async Task<int> RequestsWithinAsync(int expected, TimeSpan wait)
        {
            for (var waited = TimeSpan.Zero; Volatile.Read(ref _requests) < expected && waited < wait; waited += TimeSpan.FromMilliseconds(20))
            {
                await Task.Delay(20);
            }

            return Volatile.Read(ref _requests);
        }

        public void Answer(int status, string body) => AnswerAfter(TimeSpan.Zero, status, body);

        public void AnswerAfter(TimeSpan delay, int status, string body)
        {
            _delay = delay;
            _status = status;
            _body = body;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Close();
            await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                _ = Task.Run(() => RespondAsync(context));
            }
        }

        private async Task RespondAsync(HttpListenerContext context)
        {
            try
            {
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    LastBody = await reader.ReadToEndAsync(_stop.Token);
                }

                if (_delay > TimeSpan.Zero)
                {
                    await Task.Delay(_delay, _stop.Token);
                }

                var bytes = Encoding.UTF8.GetBytes(_body);
                context.Response.StatusCode = _status;
                context.Response.ContentType = _body.StartsWith('{') ? "application/json" : "text/html";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
            {
                // The client gave up or the test ended.
            }
        }
    }
}
