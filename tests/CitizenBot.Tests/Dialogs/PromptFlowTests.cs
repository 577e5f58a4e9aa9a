using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Officers;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.Tests.Dialogs;

/// <summary>The engine alone: a test waterfall asks with each prompt kind; a child dialog returns a value.</summary>
public sealed class PromptFlowTests : IDisposable
{
    private readonly TempDataDir _dir = new();
    private readonly CitizenDatabase _db;
    private readonly ConversationBot _bot;
    private readonly Outbox _outbox;
    private readonly ChatAddress _chat = new("web", "ffffffffffffffffffffffffffffffff");
    private long _seen;

    public PromptFlowTests()
    {
        _db = TestDatabase.Open(_dir.Path);
        var time = new FakeTimeProvider(BotHarness.Start);
        var clock = new CommuneClock(time, new CommuneOptions());
        var main = new WaterfallDialog(ConversationBot.MainDialogId,
            (s, ct) => s.PromptAsync("number", new PromptOptions { Prompt = "Bao nhiêu người?", Min = 1, Max = 5 }, ct),
            (s, ct) => { s.Values["people"] = s.Result!.ToString()!; return s.PromptAsync("date", new PromptOptions { Prompt = "Ngày nào?" }, ct); },
            (s, ct) => { s.Values["date"] = ((DateOnly)s.Result!).ToString("O"); return s.BeginDialogAsync("child", null, ct); },
            (s, ct) => { s.Values["phone"] = (string)s.Result!; return s.PromptAsync("files", new PromptOptions { Prompt = "Ảnh?", Min = 0 }, ct); },
            (s, ct) => { s.Values["files"] = ((IReadOnlyList<InputAttachment>)s.Result!).Count.ToString(System.Globalization.CultureInfo.InvariantCulture); return s.PromptAsync("confirm", new PromptOptions { Prompt = "Xác nhận?" }, ct); },
            (s, ct) =>
            {
                s.Send($"done people={s.Values["people"]} date={s.Values["date"]} phone={s.Values["phone"]} files={s.Values["files"]} ok={s.Result}");
                return s.EndAsync(null, ct);
            });
        var child = new WaterfallDialog("child",
            (s, ct) => s.PromptAsync("phone", new PromptOptions { Prompt = "Số điện thoại?" }, ct),
            (s, ct) => s.EndAsync(s.Result, ct));
        var dialogs = new DialogSet([main, child, new NumberPrompt("number"), new DatePrompt("date", clock, (d, _) => d < clock.Today ? "Ngày đã qua." : null),
            new PhonePrompt("phone"), new AttachmentPrompt("files"), new ConfirmPrompt("confirm")]);
        var seal = new DataSeal(new byte[32]);
        _outbox = new Outbox(_db, seal);
        _bot = new ConversationBot(dialogs, new ConversationStore(_db, seal), new Interruptions([new OfficerCommands([], [], new UserRoles(_db, new RoleOptions(), time))], []), new TurnRateLimiter(new RateLimitOptions(), time), seal, time, NullLogger<ConversationBot>.Instance);
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    private async Task<List<OutgoingMessage>> Say(TurnInput input)
    {
        await _bot.HandleAsync(_chat, input, CancellationToken.None);
        var fresh = _outbox.For(_chat.Key, _seen, 100);
        _seen = fresh.Count > 0 ? fresh[^1].Id : _seen;
        return [.. fresh.Select(m => m.ToMessage())];
    }

    private Task<List<OutgoingMessage>> Say(string text) => Say(TurnInput.FromText(text));

    [Fact]
    public async Task Every_prompt_kind_validates_retries_and_hands_its_value_to_the_next_step()
    {
        (await Say("bắt đầu")).ShouldSay("Bao nhiêu người?");
        (await Say("bảy")).ShouldSay("Xin ông/bà nhập một số");
        (await Say("7")).ShouldSay("từ 1 đến 5");
        (await Say("2")).ShouldSay("Ngày nào?");
        (await Say("01/01/2020")).ShouldSay("Ngày đã qua.");
        (await Say("20/12/2026")).ShouldSay("Số điện thoại?");
        var phone = await Say("123");
        phone.ShouldSay("Số điện thoại chưa đúng");
        Assert.True(phone[0].RequestContact);
        (await Say(new TurnInput { ContactPhone = "+84912345678" })).ShouldSay("Ảnh?");
        var skip = await Say("bỏ qua");
        skip.ShouldSay("Xác nhận?");
        var done = await Say("có");

        done.ShouldSay("done people=2 date=2026-12-20 phone=0912345678 files=0 ok=True");
    }

    [Fact]
    public async Task Confirm_buttons_carry_short_payloads_that_fit_Telegram()
    {
        await Say("x");
        await Say("1");
        await Say("ngày mai");
        await Say("0912345678");
        var confirm = await Say(new TurnInput { Attachments = [new InputAttachment("photo", "file-1")] });

        Assert.All(confirm.SelectMany(m => m.Buttons), b => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(b.Payload), 1, 64));
        var no = confirm.SelectMany(m => m.Buttons).First(b => b.Label.Contains("Không", StringComparison.Ordinal));
        (await Say(TurnInput.FromPayload(no.Payload))).ShouldSay("files=1 ok=False");
    }
}
