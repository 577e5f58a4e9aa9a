using CitizenBot.Core.Commune;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Officers;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.Tests.Dialogs;

/// <summary>
/// A conversation waiting at a step when a new version is deployed: it resumes at the step it was at (by
/// name), and a state saved by the code before named steps and typed state (an index and string values)
/// still finishes its flow.
/// </summary>
public sealed class DeployResumeTests : IDisposable
{
    private readonly TempDataDir _dir = new();
    private readonly CitizenDatabase _db;
    private readonly FakeTimeProvider _time = new(BotHarness.Start);
    private readonly DataSeal _seal = new(new byte[32]);
    private readonly ConversationStore _store;
    private readonly Outbox _outbox;
    private readonly ChatAddress _chat = new("web", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
    private long _seen;

    public DeployResumeTests()
    {
        _db = TestDatabase.Open(_dir.Path);
        _store = new ConversationStore(_db, _seal);
        _outbox = new Outbox(_db, _seal);
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    /// <summary>The form's state: typed, and able to read what the old code kept as strings.</summary>
    private sealed record FormState : IReadsDialogValues
    {
        public string? Name { get; set; }

        public string? Village { get; set; }

        public void Read(IReadOnlyDictionary<string, string> values) => Name = values.GetValueOrDefault("name");
    }

    private static Task<DialogTurnResult> AskName(WaterfallStepContext s, CancellationToken ct) =>
        s.PromptAsync("name", new PromptOptions { Prompt = "Tên?" }, ct);

    private static Task<DialogTurnResult> AskPhone(WaterfallStepContext s, CancellationToken ct)
    {
        if (s.Result is string name)
        {
            s.State<FormState>().Name ??= name;
        }

        return s.PromptAsync("phone", new PromptOptions { Prompt = "SĐT?" }, ct);
    }

    private static Task<DialogTurnResult> Done(WaterfallStepContext s, CancellationToken ct)
    {
        var state = s.State<FormState>();
        s.Send($"done name={state.Name} village={state.Village ?? "-"} phone={s.Result}");
        return s.EndAsync(null, ct);
    }

    /// <summary>Version 1: name, phone, done.</summary>
    private ConversationBot Version1() => Bot(new WaterfallDialog(ConversationBot.MainDialogId,
        (nameof(AskName), AskName), (nameof(AskPhone), AskPhone), (nameof(Done), Done)));

    /// <summary>Version 2 inserts a village step before the phone.</summary>
    private ConversationBot Version2() => Bot(new WaterfallDialog(ConversationBot.MainDialogId,
        (nameof(AskName), AskName),
        ("AskVillage", (s, ct) =>
        {
            s.State<FormState>().Name = (string)s.Result!;
            return s.PromptAsync("village", new PromptOptions { Prompt = "Thôn?" }, ct);
        }),
        ("KeepVillage", (s, ct) =>
        {
            s.State<FormState>().Village = (string)s.Result!;
            return s.NextAsync(null, ct);
        }),
        (nameof(AskPhone), AskPhone), (nameof(Done), Done)));

    private ConversationBot Bot(WaterfallDialog main)
    {
        var dialogs = new DialogSet([main, new TextPrompt("name"), new TextPrompt("village"), new TextPrompt("phone")]);
        return new ConversationBot(dialogs, _store, new Interruptions([new OfficerCommands([], [], new UserRoles(_db, new RoleOptions(), _time))], []),
            new TurnRateLimiter(new RateLimitOptions(), _time), _seal, _time, NullLogger<ConversationBot>.Instance);
    }

    private async Task<List<OutgoingMessage>> Say(ConversationBot bot, string text)
    {
        await bot.HandleAsync(_chat, TurnInput.FromText(text), CancellationToken.None);
        var fresh = _outbox.For(_chat.Key, _seen, 100);
        _seen = fresh.Count > 0 ? fresh[^1].Id : _seen;
        return [.. fresh.Select(m => m.ToMessage())];
    }

    [Fact]
    public async Task A_conversation_waiting_at_a_step_resumes_at_that_step_after_a_deploy_inserts_steps_before_it()
    {
        var before = Version1();
        (await Say(before, "xin chào")).ShouldSay("Tên?");
        (await Say(before, "Nguyễn Văn An")).ShouldSay("SĐT?");

        // Deployed: two steps now stand before the phone. By index the saved step (1) would be the village.
        var after = Version2();
        var replies = await Say(after, "0912345678");

        replies.ShouldSay("done name=Nguyễn Văn An village=- phone=0912345678");
        replies.ShouldNotSay("Thôn?");
        replies.ShouldNotSay("SĐT?");

        // A new conversation runs the new list.
        (await Say(after, "xin chào")).ShouldSay("Tên?");
        (await Say(after, "Trần Bình")).ShouldSay("Thôn?");
        (await Say(after, "Thôn Một")).ShouldSay("SĐT?");
        (await Say(after, "0987111222")).ShouldSay("done name=Trần Bình village=Thôn Một phone=0987111222");
    }

    [Fact]
    public async Task A_state_saved_by_the_old_code_with_a_step_index_and_string_values_resumes_and_keeps_its_values()
    {
        // As the code before named steps and typed state saved it: an index, and the values as strings.
        const string oldState = """
            {"Stack":[
              {"DialogId":"main","Step":1,"Attempts":0,"Tag":"a1b2c3","Values":{"input":"xin chào","name":"Nguyễn Văn An"}},
              {"DialogId":"phone","Step":0,"Attempts":0,"Tag":"d4e5f6","Values":{"prompt":"SĐT?","maxAttempts":"3","hideMenu":"0"}}
            ],"Greeted":true}
            """;
        await SaveAsync(oldState);

        var replies = await Say(Version1(), "0912345678");

        replies.ShouldSay("done name=Nguyễn Văn An village=- phone=0912345678");
    }

    [Fact]
    public async Task Typed_state_and_the_step_name_survive_a_restart_as_json()
    {
        (await Say(Version1(), "xin chào")).ShouldSay("Tên?");
        (await Say(Version1(), "Nguyễn Văn An")).ShouldSay("SĐT?");

        var state = System.Text.Json.JsonSerializer.Deserialize<DialogState>(_store.Find(_chat)!.StateJson)!;
        var main = state.Stack[0];
        Assert.Equal(nameof(AskPhone), main.StepName);
        Assert.Equal("Nguyễn Văn An", main.State<FormState>().Name);
        Assert.DoesNotContain("name", main.Values.Keys);

        (await Say(Version1(), "0912345678")).ShouldSay("done name=Nguyễn Văn An village=- phone=0912345678");
    }

    private async Task SaveAsync(string stateJson) =>
        await _store.CommitAsync((new ConversationRecord { Id = _chat.Key, StateJson = stateJson, Turns = 3, UpdatedAt = _time.GetUtcNow() }, []));
}

/// <summary>A petition half-way through when the typed-state version is deployed: its old string values still make the petition.</summary>
public sealed class PetitionOldStateTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_petition_saved_at_the_confirmation_by_the_old_code_is_submitted_with_its_photos_location_and_anonymity()
    {
        // The old format: the waterfall's index (10, the confirmation), photo ids space-joined, "lat,lon", "anonymous" = "1".
        const string oldState = """
            {"Stack":[
              {"DialogId":"main","Step":1,"Attempts":0,"Tag":"a1b2c3","Values":{"input":""}},
              {"DialogId":"petition.submit","Step":10,"Attempts":0,"Tag":"b2c3d4","Values":{
                "kind":"Feedback","topic":"Đường sá","village":"Thôn Một",
                "content":"Đường liên thôn bị sạt lở một đoạn dài, xin xã cho sửa sớm.",
                "photos":"photo-1 photo-2","location":"10.5,106.25","anonymous":"1"}},
              {"DialogId":"petition.confirm","Step":0,"Attempts":0,"Tag":"c3d4e5","Values":{"prompt":"Xin ông/bà kiểm tra lại đơn","maxAttempts":"3","hideMenu":"0"}}
            ],"Greeted":true}
            """;
        await _bot.Get<ConversationStore>().CommitAsync((new ConversationRecord
        {
            Id = _bot.Address.Key, StateJson = oldState, Turns = 12, UpdatedAt = _bot.Clock.GetUtcNow(),
        }, []));

        var replies = await _bot.SayAsync("có");

        replies.ShouldSay("Mã theo dõi: KN-");
        var petition = Assert.Single(_bot.Get<PetitionBook>().Mine(_bot.Address.Key));
        Assert.Equal(["photo-1", "photo-2"], petition.Photos);
        Assert.Equal(10.5, petition.Latitude);
        Assert.Equal(106.25, petition.Longitude);
        Assert.True(petition.Anonymous);
        Assert.Equal("Thôn Một", petition.Village);
    }
}
