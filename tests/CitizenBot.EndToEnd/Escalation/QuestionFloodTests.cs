using System.Net;
using System.Net.Http.Json;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host.Jobs;

namespace CitizenBot.EndToEnd.Escalation;

/// <summary>One client opening many web conversations, through the real host, cannot flood the officers' Telegram group.</summary>
public sealed class QuestionFloodTests : TelegramScenario
{
    private const int Conversations = 60;

    [Fact]
    public async Task Sixty_web_conversations_from_one_address_reach_the_officers_with_at_most_the_sender_limit()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        var forwarded = 0;
        var refused = 0;
        for (var i = 0; i < Conversations; i++)
        {
            // Another limit (per address, at the web endpoints) may answer 429 first: that is a refusal too.
            var start = await http.PostAsync(new Uri("/api/chat/start", UriKind.Relative), null);
            if (start.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
                continue;
            }

            var id = (await start.Content.ReadFromJsonAsync<StartView>())!.ConversationId;
            var send = await http.PostAsJsonAsync($"/api/chat/{id}/send", new { text = "Xin hỏi lịch tiêm phòng cho trẻ ở thôn tháng này?", after = 0 });
            if (send.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
                continue;
            }

            // The bot offers to send the question; only the citizen's press sends it (and counts it).
            var offer = (await send.Content.ReadFromJsonAsync<List<MessageView>>())!;
            var ask = offer.SelectMany(m => m.Buttons ?? []).First(b => b.Label.Contains("Gửi câu hỏi cho cán bộ", StringComparison.Ordinal));
            send = await http.PostAsJsonAsync($"/api/chat/{id}/send", new { payload = ask.Payload, after = offer.Max(m => m.Id) });
            if (send.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
                continue;
            }

            var replies = string.Join("\n", (await send.Content.ReadFromJsonAsync<List<MessageView>>())!.Select(m => m.Text));
            if (replies.Contains("đã chuyển tới cán bộ xã", StringComparison.Ordinal))
            {
                forwarded++;
            }
            else if (replies.Contains("chưa nhận thêm câu hỏi", StringComparison.Ordinal))
            {
                refused++;
            }
        }

        // The relay queue moves on as the minutely job moves it, until nothing waits (bounded).
        var officers = new ChatAddress("telegram", RunningBot.OfficersChat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var round = 0; round < 100 && Bot.Get<QuestionBook>().Open().Any(q => q.Relay == RelayState.Queued); round++)
        {
            await Bot.Get<OutboxDispatcher>().DispatchChatAsync(officers.Key, CancellationToken.None);
            await Bot.Get<SweepJob>().RunAsync(CitizenBot.Core.Escalation.QuestionRelaySweep.JobId, CancellationToken.None);
        }

        await Bot.Get<OutboxDispatcher>().DispatchChatAsync(officers.Key, CancellationToken.None);

        Assert.Equal(Conversations, forwarded + refused);
        Assert.InRange(forwarded, 1, 20);
        Assert.Equal(forwarded, Telegram.SentTo(RunningBot.OfficersChat).Count);
    }

    private sealed record StartView(string ConversationId);

    private sealed record MessageView(long Id, string Text, List<ButtonView>? Buttons);

    private sealed record ButtonView(string Label, string Payload);
}
