using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Reception;

/// <summary>Every prompt of the booking and rating flows, given hostile input: a polite answer and a way on, never a crash.</summary>
public sealed class HostileInputTests
{
    public static readonly string[] Inputs =
    [
        "", "   ", new string('x', 10_000), "😀😀😀", "مرحبا بكم", "我想预约", "\u0000\u0007\u001b[31m", "<b>đặt</b> *lịch* _ngay_", "01/01/2020", "-1", "LH-ZZZZZZ",
    ];

    /// <summary>How to reach each prompt from a fresh conversation.</summary>
    private static readonly Dictionary<string, Func<BotHarness, ChatAddress, Task>> Prompts = new()
    {
        ["day"] = async (b, c) => { await b.SayAsync("menu", c); await b.PressAsync("Đặt lịch tiếp công dân", c); },
        ["slot"] = async (b, c) => { await Prompts!["day"](b, c); await b.PressAsync("10/12/2026", c); },
        ["topic"] = async (b, c) => { await Prompts!["slot"](b, c); await b.PressAsync("07:30–", c); },
        ["details"] = async (b, c) => { await Prompts!["topic"](b, c); await b.PressAsync("Đất đai", c); },
        ["name"] = async (b, c) => { await Prompts!["details"](b, c); await b.SayAsync("Hỏi về đất đai", c); },
        ["phone"] = async (b, c) => { await Prompts!["name"](b, c); await b.SayAsync("Nguyễn Văn An", c); },
        ["confirm"] = async (b, c) => await b.UpToConfirmAsync(c),
        ["mine"] = async (b, c) => { await b.BookAsync(c); await b.SayAsync("lịch hẹn của tôi", c); },
        ["rating.field"] = async (b, c) => await b.SayAsync("đánh giá", c),
        ["rating.level"] = async (b, c) => { await b.SayAsync("đánh giá", c); await b.PressAsync("Đất đai", c); },
        ["rating.comment"] = async (b, c) => { await Prompts!["rating.level"](b, c); await b.PressAsync("Hài lòng", c); },
        ["petition.kind"] = async (b, c) => { await b.SayAsync("menu", c); await b.PressAsync("Gửi kiến nghị, phản ánh", c); },
        ["petition.topic"] = async (b, c) => { await Prompts!["petition.kind"](b, c); await b.PressAsync("Kiến nghị", c); },
        ["petition.village"] = async (b, c) => { await Prompts!["petition.topic"](b, c); await b.PressAsync("Môi trường", c); },
        ["petition.content"] = async (b, c) => { await Prompts!["petition.village"](b, c); await b.PressAsync("Thôn Một", c); },
        ["petition.photos"] = async (b, c) => { await Prompts!["petition.content"](b, c); await b.SayAsync(PetitionSteps.Content, c); },
        ["petition.location"] = async (b, c) => { await Prompts!["petition.photos"](b, c); await b.PressAsync("Bỏ qua", c); },
        ["petition.anonymity"] = async (b, c) => { await Prompts!["petition.location"](b, c); await b.PressAsync("⏭ Bỏ qua", c); },
        ["petition.confirm"] = async (b, c) => await b.PetitionUpToConfirmAsync(c, "Khiếu nại"),
        ["petition.mine"] = async (b, c) => await b.SayAsync("kiến nghị của tôi", c),
    };

    public static TheoryData<string> PromptNames() => [.. Prompts.Keys];

    [Theory]
    [MemberData(nameof(PromptNames))]
    public async Task Every_hostile_input_gets_a_polite_vietnamese_answer_and_a_way_on(string prompt)
    {
        for (var i = 0; i < Inputs.Length; i++)
        {
            // A fresh commune for each input: "-1" may well read as the first choice and book the slot.
            using var bot = new BotHarness();
            var chat = new ChatAddress("web", $"hostile{i:D2}");
            await Prompts[prompt](bot, chat);

            var replies = await bot.SayAsync(Inputs[i], chat);
            var pressed = await bot.TurnAsync(TurnInput.FromPayload("zz|never-issued"), chat);
            var expired = await bot.TurnAsync(TurnInput.FromPayload("rate:99999:1"), chat);

            foreach (var turn in new[] { replies, pressed, expired })
            {
                Assert.True(turn.Count > 0, $"No answer at {prompt} to input #{i}");
                turn.ShouldNotSay("hệ thống vừa gặp sự cố");
                turn.ShouldLeaveAWayOn();
            }

            Assert.All(bot.Get<ReceptionBook>().OnDate(new DateOnly(2026, 12, 10)), b => Assert.Equal("Nguyễn Văn An", b.Name));
        }
    }
}
