using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CitizenBot.EndToEnd.Support;

/// <summary>A message the bot sent, as the fake Bot API server recorded it.</summary>
public sealed record SentMessage(long ChatId, int MessageId, string Text, IReadOnlyList<(string Text, string? Data)> Buttons, bool RequestsContact)
{
    /// <summary>The document of a sendDocument call: file name and content.</summary>
    public (string Name, byte[] Content)? Document { get; init; }
}

/// <summary>
/// A fake Telegram Bot API on 127.0.0.1: the real Telegram.Bot client talks to it through
/// <c>/bot{token}/{method}</c>. Tests inject updates, read what the bot sent, and make methods fail.
/// </summary>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    // Like Telegram, updates stay until a getUpdates with a higher offset confirms them; kept in id order.
    private readonly List<JsonObject> _updates = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, int? RetryAfter)>> _failures = new();
    private readonly ConcurrentDictionary<long, bool> _blocked = new();
    private int _lateAnswers;
    private TimeSpan _lateDelay;
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly Lock _limitsLock = new();
    private readonly List<(DateTime At, long Chat)> _sendLog = [];
    private readonly Dictionary<long, DateTime> _retryUntil = [];
    private (int PerGroupPerMinute, int OverallPerSecond)? _limits;
    private int _holdAfter = int.MaxValue;
    private int _sends;
    private int _nextUpdateId = 1000;
    private int _nextMessageId = 1;

    private FakeBotApiServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<string> AnsweredCallbacks { get; } = new();

    /// <summary>What the host under test complained of and its state for a chat, quoted when a wait for a reply fails.</summary>
    public Func<long, string>? HostProblems { get; set; }

    /// <summary>The updates the bot has not yet confirmed (their ids, and which are this chat's).</summary>
    public string Unconfirmed(long chatId)
    {
        lock (_updates)
        {
            var mine = _updates.Where(u => (u["message"]?["chat"] ?? u["callback_query"]?["message"]?["chat"])?["id"]?.GetValue<long>() == chatId)
                .Select(u => u["update_id"]!.GetValue<int>());
            return $"{_updates.Count} unconfirmed updates ({string.Join(", ", _updates.Select(u => u["update_id"]!.GetValue<int>()).Take(20))}), of this chat: {string.Join(", ", mine)}";
        }
    }

    public ConcurrentQueue<int> EditedMessages { get; } = new();

    public IReadOnlyList<string> RegisteredCommands { get; private set; } = [];

    public static async Task<FakeBotApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeBotApiServer(app);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    /// <summary>Numbers and queues an update in one step, as Telegram does: a reader confirming up to an id has seen every lower one.</summary>
    private int Enqueue(JsonObject update)
    {
        int id;
        lock (_updates)
        {
            id = ++_nextUpdateId;
            update["update_id"] = id;
            _updates.Add(update);
        }

        _arrived.Release();
        return id;
    }

    public int Calls(string method) => _calls.GetValueOrDefault(method.ToLowerInvariant());

    /// <summary>429s the server answered because a limit was exceeded.</summary>
    public int LimitHits { get; private set; }

    /// <summary>Raised for every message the bot sends (benchmarks time replies with it).</summary>
    public event Action<SentMessage>? Recorded;

    /// <summary>Sends to a chat that arrived before the retry_after the server gave that chat had passed.</summary>
    public int IgnoredRetryAfters { get; private set; }

    public ConcurrentQueue<string> IgnoredDetails { get; } = new();

    /// <summary>Like Telegram: more than these answers 429 with retry_after, and a too-early retry is counted.</summary>
    public void EnforceLimits(int perGroupPerMinute = 20, int overallPerSecond = 30) => _limits = (perGroupPerMinute, overallPerSecond);

    /// <summary>After <paramref name="sends"/> more sends, each further send is recorded but never answered (the host "crashes" mid-send).</summary>
    public void HoldSendsAfter(int sends) => _holdAfter = Volatile.Read(ref _sends) + sends;

    public void ReleaseHold() => _holdAfter = int.MaxValue;

    /// <summary>The next <paramref name="count"/> calls of a method fail with this HTTP status (429 with retry_after).</summary>
    /// <summary>The next <paramref name="count"/> sends reach Telegram (recorded) but the answer comes only after <paramref name="delay"/>.</summary>
    public void AnswerLate(int count, TimeSpan delay)
    {
        _lateAnswers = count;
        _lateDelay = delay;
    }

    /// <summary>The user blocks the bot (or the group removes it): every send to the chat gets 403 Forbidden.</summary>
    public void Block(long chatId) => _blocked[chatId] = true;

    public void FailNext(string method, int count, int status, int? retryAfter = null)
    {
        var queue = _failures.GetOrAdd(method.ToLowerInvariant(), _ => new());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue((status, retryAfter));
        }
    }

    public int SendText(long chatId, string text, string chatType = "private", long? fromId = null)
    {
        return Enqueue(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = Chat(chatId, chatType),
                ["from"] = User(fromId ?? chatId),
                ["text"] = text,
            },
        });
    }

    /// <summary>A user replies, in a chat, to a message the bot sent there.</summary>
    public void Reply(long chatId, long fromId, int replyToMessageId, string text, string chatType = "supergroup")
    {
        Enqueue(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = Chat(chatId, chatType),
                ["from"] = User(fromId),
                ["text"] = text,
                ["reply_to_message"] = new JsonObject
                {
                    ["message_id"] = replyToMessageId,
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = Chat(chatId, chatType),
                    ["from"] = new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "CitizenBot" },
                    ["text"] = "relay",
                },
            },
        });
    }

    /// <summary>The bot's membership in a group changes: "member" when someone adds it, "kicked" or "left" when it is removed.</summary>
    public void BotMembership(long chatId, long fromId, string oldStatus, string newStatus)
    {
        var bot = new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "CitizenBot" };
        Enqueue(new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = Chat(chatId, "supergroup"),
                ["from"] = User(fromId),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["old_chat_member"] = new JsonObject { ["status"] = oldStatus, ["user"] = bot.DeepClone() },
                ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = bot.DeepClone() },
            },
        });
    }

    /// <summary>The user shares a contact card: their own by default, or someone else's (<paramref name="contactUserId"/>).</summary>
    public void ShareContact(long chatId, string phone, long? contactUserId = null)
    {
        Enqueue(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = Chat(chatId, "private"),
                ["from"] = User(chatId),
                ["contact"] = new JsonObject { ["phone_number"] = phone, ["first_name"] = "An", ["user_id"] = contactUserId ?? chatId },
            },
        });
    }

    /// <summary>Presses the button whose label contains <paramref name="labelPart"/> on the latest message offering it.</summary>
    public void Press(long chatId, string labelPart) => Press(chatId, labelPart, chatId, "private");

    /// <summary>Presses a button as a given user, in a private chat or a group.</summary>
    public void Press(long chatId, string labelPart, long fromId, string chatType)
    {
        var message = _sent.Reverse().FirstOrDefault(m => m.ChatId == chatId && m.Buttons.Any(b => b.Text.Contains(labelPart, StringComparison.Ordinal)))
            ?? throw new InvalidOperationException($"No message to chat {chatId} has a button containing \"{labelPart}\".\n{Transcript(chatId)}");
        var button = message.Buttons.First(b => b.Text.Contains(labelPart, StringComparison.Ordinal));
        Enqueue(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb" + Interlocked.Increment(ref _nextMessageId).ToString(CultureInfo.InvariantCulture),
                ["from"] = User(fromId),
                ["chat_instance"] = "ci" + chatId.ToString(CultureInfo.InvariantCulture),
                ["data"] = button.Data,
                ["message"] = new JsonObject
                {
                    ["message_id"] = message.MessageId,
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = Chat(chatId, chatType),
                    ["text"] = message.Text,
                },
            },
        });
    }

    public List<SentMessage> SentTo(long chatId) => [.. _sent.Where(m => m.ChatId == chatId)];

    public string Transcript(long chatId) => string.Join("\n---\n", SentTo(chatId).Select(m => m.Text + (m.Buttons.Count > 0 ? "\n  [" + string.Join("] [", m.Buttons.Select(b => b.Text)) + "]" : "")));

    /// <summary>Waits until the chat has received a message containing <paramref name="text"/>; returns it.</summary>
    public async Task<SentMessage> WaitForAsync(long chatId, string text, int skip = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var match = SentTo(chatId).Where(m => m.Text.Contains(text, StringComparison.Ordinal)).Skip(skip).FirstOrDefault();
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Chat {chatId} never received \"{text}\". It received:\n{Transcript(chatId)}\n\n{HostProblems?.Invoke(chatId)}");
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpContext http)
    {
        method = method.ToLowerInvariant();
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        var body = await ReadBodyAsync(http);
        if (_failures.TryGetValue(method, out var failures) && failures.TryDequeue(out var failure))
        {
            var error = new JsonObject { ["ok"] = false, ["error_code"] = failure.Status, ["description"] = failure.Status == 429 ? "Too Many Requests: retry later" : "Bad Gateway" };
            if (failure.RetryAfter is { } retryAfter)
            {
                error["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
                if (body["chat_id"] is { } chat)
                {
                    lock (_limitsLock)
                    {
                        _retryUntil[long.Parse(chat.ToString(), CultureInfo.InvariantCulture)] = DateTime.UtcNow.AddSeconds(retryAfter);
                    }
                }
            }

            return Results.Json(error, statusCode: failure.Status);
        }

        if (method is "sendmessage" or "senddocument" or "sendphoto" && body["chat_id"] is { } to
            && _blocked.ContainsKey(long.Parse(to.ToString(), CultureInfo.InvariantCulture)))
        {
            return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 403, ["description"] = "Forbidden: bot was blocked by the user" }, statusCode: 403);
        }

        if (method is "sendmessage" or "senddocument" or "sendphoto" && CheckLimits(body) is { } limited)
        {
            return limited;
        }

        if (method == "sendmessage" && Interlocked.Decrement(ref _lateAnswers) >= 0)
        {
            var late = RecordSend(body);
            await Task.Delay(_lateDelay, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Ok(late);
        }

        if (method == "sendmessage" && Interlocked.Increment(ref _sends) > _holdAfter)
        {
            RecordSend(body);
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up: as when a host dies while Telegram already has the message.
            }

            return Results.Empty;
        }

        return method switch
        {
            "getupdates" => await GetUpdatesAsync(body, http.RequestAborted),
            "sendmessage" => Ok(RecordSend(body)),
            "senddocument" => Ok(await RecordDocumentAsync(http, body)),
            "answercallbackquery" => Answer(body),
            "editmessagereplymarkup" => Edit(body),
            "setmycommands" => Commands(body),
            "getme" => Ok(new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "CitizenBot", ["username"] = "citizen_test_bot" }),
            _ => Ok(true),
        };
    }

    private IResult? CheckLimits(JsonObject body)
    {
        if (_limits is not { } limits || body["chat_id"] is null)
        {
            return null;
        }

        var chat = long.Parse(body["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
        var now = DateTime.UtcNow;
        lock (_limitsLock)
        {
            // Timers are coarse: a retry within 50 ms of the deadline is on time.
            if (_retryUntil.TryGetValue(chat, out var until) && now < until.AddMilliseconds(-50))
            {
                IgnoredRetryAfters++;
                IgnoredDetails.Enqueue($"chat {chat} retried {(until - now).TotalMilliseconds:0} ms early");
            }

            _sendLog.RemoveAll(s => s.At < now.AddMinutes(-1));
            var overall = _sendLog.Count(s => s.At > now.AddSeconds(-1));
            var group = chat < 0 ? _sendLog.Count(s => s.Chat == chat) : 0;
            if (overall >= limits.OverallPerSecond || group >= limits.PerGroupPerMinute)
            {
                LimitHits++;
                _retryUntil[chat] = now.AddSeconds(2);
                return Results.Json(new JsonObject
                {
                    ["ok"] = false, ["error_code"] = 429, ["description"] = "Too Many Requests: retry after 2",
                    ["parameters"] = new JsonObject { ["retry_after"] = 2 },
                }, statusCode: 429);
            }

            _sendLog.Add((now, chat));
            return null;
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            var obj = new JsonObject();
            foreach (var (key, value) in form)
            {
                obj[key] = value.ToString();
            }

            return obj;
        }

        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)!.AsObject();
    }

    private async Task<IResult> GetUpdatesAsync(JsonObject body, CancellationToken ct)
    {
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        var timeout = body["timeout"]?.GetValue<int>() ?? 0;
        var deadline = DateTime.UtcNow.AddSeconds(Math.Min(timeout, 1));
        while (true)
        {
            lock (_updates)
            {
                _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < offset);
                if (_updates.Count > 0 || DateTime.UtcNow >= deadline)
                {
                    return Ok(new JsonArray([.. _updates.Select(u => u.DeepClone())]));
                }
            }

            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(50), ct);
            }
            catch (OperationCanceledException)
            {
                return Ok(new JsonArray());
            }
        }
    }

    private SentMessage RecordSend(JsonObject body, (string Name, byte[] Content)? document = null)
    {
        var chatId = long.Parse(body["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
        var markup = body["reply_markup"] switch
        {
            JsonObject o => o,
            JsonValue v when v.TryGetValue<string>(out var s) => JsonNode.Parse(s)?.AsObject(),
            _ => null,
        };
        var buttons = new List<(string, string?)>();
        var contact = false;
        foreach (var row in markup?["inline_keyboard"]?.AsArray() ?? [])
        {
            foreach (var b in row!.AsArray())
            {
                buttons.Add((b!["text"]!.GetValue<string>(), b["callback_data"]?.GetValue<string>()));
            }
        }

        foreach (var row in markup?["keyboard"]?.AsArray() ?? [])
        {
            foreach (var b in row!.AsArray())
            {
                contact |= b!["request_contact"]?.GetValue<bool>() == true;
                buttons.Add((b["text"]!.GetValue<string>(), null));
            }
        }

        var sent = new SentMessage(chatId, Interlocked.Increment(ref _nextMessageId), body["text"]!.ToString(), buttons, contact) { Document = document };
        _sent.Enqueue(sent);
        Recorded?.Invoke(sent);
        return sent;
    }

    private async Task<SentMessage> RecordDocumentAsync(HttpContext http, JsonObject body)
    {
        var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync()).Files is { Count: > 0 } files ? files[0] : null : null;
        byte[] content = [];
        if (file is not null)
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            content = stream.ToArray();
        }

        body["text"] = body["caption"]?.ToString() ?? "";
        return RecordSend(body, (file?.FileName ?? "", content));
    }

    private IResult Answer(JsonObject body)
    {
        AnsweredCallbacks.Enqueue(body["callback_query_id"]!.GetValue<string>());
        return Ok(true);
    }

    private IResult Edit(JsonObject body)
    {
        var messageId = body["message_id"]!.GetValue<int>();
        EditedMessages.Enqueue(messageId);
        var chatId = long.Parse(body["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
        return Ok(new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(chatId, "private"),
            ["text"] = "edited",
        });
    }

    private IResult Commands(JsonObject body)
    {
        var commands = body["commands"] is JsonArray a ? a : JsonNode.Parse(body["commands"]!.GetValue<string>())!.AsArray();
        RegisteredCommands = [.. commands.Select(c => c!["command"]!.GetValue<string>())];
        return Ok(true);
    }

    private static IResult Ok(SentMessage sent) => Ok(new JsonObject
    {
        ["message_id"] = sent.MessageId,
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["chat"] = Chat(sent.ChatId, "private"),
        ["text"] = sent.Text,
    });

    private static IResult Ok(JsonNode result) => Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Ok(bool result) => Results.Text(JsonSerializer.Serialize(new { ok = true, result }), "application/json");

    private static JsonObject Chat(long id, string type) => type == "private"
        ? new JsonObject { ["id"] = id, ["type"] = type, ["first_name"] = "An" }
        : new JsonObject { ["id"] = id, ["type"] = type, ["title"] = "Thôn Một" };

    private static JsonObject User(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "An" };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
