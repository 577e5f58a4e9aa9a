using System.Text.RegularExpressions;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Tests.Support;
using CsCheck;

namespace CitizenBot.Tests.Fuzz;

/// <summary>
/// Property: whatever a citizen (or an officer) sends, at whatever prompt of whatever dialog, the bot answers
/// politely in Vietnamese, never fails, and the conversation always comes back to the menu. Buttons are pressed
/// most of the time so the walk reaches deep into every flow; the rest is hostile input.
/// </summary>
public sealed partial class HostileConversationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _reached = new();

    private abstract record Act;

    private sealed record PressOffered(int Index) : Act;

    private sealed record PressStale(int Index) : Act;

    private sealed record Say(string Text) : Act;

    private sealed record Forged(string Payload) : Act;

    private sealed record Contact(string Phone) : Act;

    private sealed record Attach(string Kind) : Act;

    private sealed record Locate(double Latitude, double Longitude) : Act;

    private static readonly string[] Hostile =
    [
        "", " ", "\t\n  \n", new string('x', 10_000), new string('ệ', 5000), "🙂🙏🏽👨‍👩‍👧‍👦🇻🇳", "مرحبا بالعالم، هذا نص من اليمين إلى اليسار", "שלום עולם",
        "\u0000\u0007\u001b[31mred\u001b[0m\u202e", "<b>đậm</b><script>alert(1)</script>", "*đậm* _nghiêng_ [liên kết](http://x.y) `mã` ```khối```",
        "Hello, I would like to know my dossier status", "你好，我想预约", "01/01/2020", "31/02/2026", "99/99/9999", "0912345678", "+84 912 345 678",
        "HS-2411-0001", "hs 2411 0001", "LH-ZZZZZZ", "KN-ABCDEF", "/lichhen", "/capquyen 1 quantri", "/baocao 2026", "/mauthu khaisinh {x}", "/thongbao",
        "menu", "hủy", "trợ giúp", "Nguyễn Văn An", "Hỏi về thủ tục tách thửa đất ở thôn Một", "Thôn Một", "Có", "Không", "Bỏ qua", "'; DROP TABLE dossiers; --",
        "{\"$where\": \"1==1\"}", "$.Phone", "%s%s%s%n", "../../etc/passwd",
    ];

    private static readonly Gen<Act> Acts = Gen.Frequency(
        (12, Gen.Int[0, 1000].Select(i => (Act)new PressOffered(i))),
        (2, Gen.Int[0, 1000].Select(i => (Act)new PressStale(i))),
        (5, Gen.Int[0, Hostile.Length - 1].Select(i => (Act)new Say(Hostile[i]))),
        (1, Gen.String[Gen.Char, 0, 300].Select(s => (Act)new Say(s))),
        (1, Pick("x", "rate:999999:1", "op:lichhen:", "op:capquyen:1 quantri", "bk:cancel:LH-AAAAAA", new string('p', 64), "").Select(p => (Act)new Forged(p))),
        (1, Pick("+84912345678", "0", "abc", "").Select(p => (Act)new Contact(p))),
        (1, Pick("photo", "document", "sticker").Select(k => (Act)new Attach(k))),
        (1, Pick((21.0, 105.8), (91.0, 200.0), (double.NaN, 0.0)).Select(l => (Act)new Locate(l.Item1, l.Item2))));

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void A_citizen_sending_anything_at_any_prompt_gets_a_polite_vietnamese_answer_and_a_way_back()
    {
        // CI walks 120 conversations; FUZZ_ITER=5000 dotnet test --filter HostileConversation walks longer.
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITER"), out var n) ? n : 120;
        Gen.Select(Acts.Array[10, 60], Gen.Bool).Sample(sample => Walk(sample.Item1, asAdmin: sample.Item2), iter: iterations, threads: 1);

        // The walk must reach deep: every flow's prompts, not only the menu.
        output.WriteLine(string.Join('\n', _reached.OrderByDescending(p => p.Value).Select(p => $"{p.Value,5} {p.Key}")));
        Assert.True(_reached.Count >= 40, $"Only {_reached.Count} different questions were reached.");
    }

    private void Walk(Act[] acts, bool asAdmin)
    {
        using var bot = new BotHarness();
        bot.SeedDossier("HS-2411-0001", DossierStatus.InProgress, BotHarness.Start.AddDays(3));
        var who = asAdmin ? new ChatAddress("telegram", BotHarness.AdminId) : bot.Address;
        var userId = asAdmin ? BotHarness.AdminId : null;
        var offered = new List<Button>();
        var seen = new List<Button>();
        var transcript = new List<string>();
        long update = 0;

        List<OutgoingMessage> Turn(TurnInput input)
        {
            bot.Clock.Advance(TimeSpan.FromSeconds(3)); // a quick citizen, well inside the turn limit
            var replies = bot.TurnAsync(input with { UpdateId = ++update, UserId = userId }, who).GetAwaiter().GetResult();
            transcript.Add($"> {Describe(input)}\n" + string.Join("\n", replies.Select(r => "< " + Short(r.Text) + (r.Buttons.Count > 0 ? " [" + string.Join("|", r.Buttons.Select(b => b.Label)) + "]" : ""))));
            foreach (var reply in replies)
            {
                _reached.AddOrUpdate(Short(reply.Text.Split('\n')[0]), 1, (_, n) => n + 1);
                Assert.True(!reply.Text.Contains(EngineTexts.SomethingWentWrong, StringComparison.Ordinal), "A turn failed:\n" + string.Join('\n', transcript));
                Assert.True(reply.Text.Trim().Length > 0 || reply.File is not null, "An empty answer:\n" + string.Join('\n', transcript));
                Assert.True(Vietnamese().IsMatch(reply.Text), $"Not Vietnamese: \"{Short(reply.Text)}\"\n" + string.Join('\n', transcript));
            }

            var withButtons = replies.LastOrDefault(r => r.Buttons.Count > 0);
            if (withButtons is not null)
            {
                offered = [.. withButtons.Buttons];
                seen.AddRange(withButtons.Buttons);
            }

            return replies;
        }

        Turn(TurnInput.FromText("/start"));
        foreach (var act in acts)
        {
            switch (act)
            {
                case PressOffered press when offered.Count > 0:
                    Turn(TurnInput.FromPayload(offered[press.Index % offered.Count].Payload));
                    break;
                case PressStale stale when seen.Count > 0:
                    Turn(TurnInput.FromPayload(seen[stale.Index % seen.Count].Payload));
                    break;
                case Say say:
                    Turn(TurnInput.FromText(say.Text));
                    break;
                case Forged forged:
                    Turn(TurnInput.FromPayload(forged.Payload));
                    break;
                case Contact contact:
                    Turn(new TurnInput { ContactPhone = contact.Phone });
                    break;
                case Attach attach:
                    Turn(new TurnInput { Attachments = [new InputAttachment(attach.Kind, "file-" + attach.Kind)] });
                    break;
                case Locate locate:
                    Turn(new TurnInput { Location = GeoPoint.Of(locate.Latitude, locate.Longitude) });
                    break;
                default:
                    Turn(TurnInput.FromText("?"));
                    break;
            }
        }

        // However the walk ended, the menu is one word away.
        var menu = Turn(TurnInput.FromText("menu"));
        Assert.True(menu.Any(r => r.Text.Contains(MenuTexts.Menu, StringComparison.Ordinal) || r.Text.Contains(MenuTexts.MenuAgain, StringComparison.Ordinal)),
            "Stuck: \"menu\" did not bring the menu back:\n" + string.Join('\n', transcript));
    }

    private static string Describe(TurnInput input) =>
        input.Text is { } text ? "text " + Short(text) : input.Payload is { } payload ? "press " + payload
        : input.ContactPhone is { } phone ? "contact " + phone : input.Location is { } l ? $"location {l.Latitude},{l.Longitude}" : "attachment";

    private static string Short(string text) => text.Length > 80 ? text[..80].Replace('\n', ' ') + "…" : text.Replace('\n', ' ');

    [GeneratedRegex("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Vietnamese();
}
