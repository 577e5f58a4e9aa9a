using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Channels.Web;
using CitizenBot.Core.Dossiers;
using CitizenBot.Dialogs.Dossiers;
using CitizenBot.EndToEnd.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitizenBot.EndToEnd.Web;

/// <summary>
/// The attack of issue 10 through the real web endpoints: many fresh conversations, one digit guess each. The
/// per-address limits are lifted here so that the dossier's own lock is what stops it.
/// </summary>
public sealed class FollowBruteForceTests : TelegramScenario
{
    private const string Code = "HS-2411-0001";

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(new WebChatLimits { ConversationsPerHour = 10_000, TurnsPerMinute = 10_000, ReadsPerMinute = 10_000 }));
        services.Replace(ServiceDescriptor.Singleton(new LookupLimitOptions { LookupsPerHour = 10_000 }));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var key = DossierCode.Key(Code);
        Bot.Get<DossierBook>().Upsert([new Dossier
        {
            Code = Code, LookupKey = key, NumberKey = DossierCode.NumberKey(key), Procedure = "Đăng ký khai sinh", Field = "Hộ tịch",
            Applicant = "Nguyễn Văn An", Phone = "0912345678", Channel = DossierChannel.Direct, ReceivedAt = RunningBot.Start.AddDays(-3),
            DueAt = RunningBot.Start.AddDays(3), Status = DossierStatus.InProgress,
        }], RunningBot.Start);
    }

    /// <summary>A fresh conversation: the code, "follow", then the digits if they are asked for; returns the last answer's texts.</summary>
    private async Task<string> TryFollowAsync(HttpClient http, string digits)
    {
        var start = await http.PostAsync("/api/chat/start", null);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString();
        var shown = await SendAsync(http, id!, new { text = Code, after = 0 });
        var follow = shown.EnumerateArray().SelectMany(m => m.GetProperty("buttons").EnumerateArray())
            .First(b => b.GetProperty("label").GetString()!.Contains("Theo dõi hồ sơ này", StringComparison.Ordinal)).GetProperty("payload").GetString();
        var asked = Texts(await SendAsync(http, id!, new { payload = follow, after = 0 }));
        return asked.Contains("4 số cuối", StringComparison.Ordinal) ? Texts(await SendAsync(http, id!, new { text = digits, after = 0 })) : asked;
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, string id, object body)
    {
        var response = await http.PostAsJsonAsync($"/api/chat/{id}/send", body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Texts(JsonElement messages) => string.Join("\n", messages.EnumerateArray().Select(m => m.GetProperty("text").GetString()));

    [Fact]
    public async Task Thirty_fresh_web_conversations_guessing_once_each_lock_the_dossier_and_the_officers_hear_once()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        for (var n = 0; n < 30; n++)
        {
            await TryFollowAsync(http, $"{n:0000}");
        }

        Assert.Contains("đang tạm khóa", await TryFollowAsync(http, "5678"), StringComparison.Ordinal);
        var notice = await Telegram.WaitForAsync(RunningBot.OfficersChat, $"🔒 Hồ sơ {Code}");
        Assert.DoesNotContain("Nguyễn", notice.Text, StringComparison.Ordinal);

        Bot.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Contains($"Đã đăng ký theo dõi hồ sơ {Code}", await TryFollowAsync(http, "5678"), StringComparison.Ordinal);
        await Bot.RunOutboxDispatchAsync();
        Assert.Single(Telegram.SentTo(RunningBot.OfficersChat), m => m.Text.Contains("🔒", StringComparison.Ordinal));
    }
}
