using System.Collections.Concurrent;
using CitizenBot.Core.Storage;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CitizenBot.EndToEnd.Privacy;

/// <summary>Names, phone numbers and petition contents never reach the logs, even when sends fail and are retried.</summary>
public sealed class PersonalDataInLogsTests : TelegramScenario
{
    private const long Citizen = 7401;
    private const long Denouncer = 7402;
    private const string Name = "Phạm Thị Lan";
    private const string Phone = "0934 567 891";
    private const string Content = "Ông Trưởng thôn Hai thu tiền làm đường không có biên lai, đề nghị xã kiểm tra giúp dân.";
    [Fact]
    public async Task Petitions_questions_and_failed_sends_leave_no_personal_data_in_the_logs()
    {
        await Telegram.SubmitPetitionAsync(Citizen, "Kiến nghị", "Giao thông, điện, nước", Name, Phone, Content);
        await Telegram.SubmitPetitionAsync(Denouncer, "Tố cáo", "Cán bộ, công chức", Name, Phone, Content);
        Telegram.SendText(Citizen, $"Tôi là {Name}, số {Phone}, xin cán bộ gọi lại giúp về việc làm đường ạ");
        await Telegram.WaitForAsync(Citizen, "câu hỏi cho cán bộ");
        Telegram.Press(Citizen, "Gửi câu hỏi cho cán bộ");
        await Telegram.WaitForAsync(Citizen, "đã chuyển tới cán bộ xã");

        // Telegram fails, then refuses: both are logged, with no data of the citizen.
        Telegram.FailNext("sendMessage", 1, 502);
        Telegram.SendText(Citizen, "menu");
        await WaitUntilAsync(() => HostLog.Entries.Any(e => e.Contains(" waits ", StringComparison.Ordinal)));
        Telegram.Block(Citizen);
        Bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await Bot.RunOutboxDispatchAsync();
        await WaitUntilAsync(() => HostLog.Entries.Any(e => e.Contains("Forbidden", StringComparison.Ordinal)));

        var written = HostLog.Entries.ToList();
        Assert.NotEmpty(written);
        var all = string.Join('\n', written);
        Assert.DoesNotContain(Name, all, StringComparison.Ordinal);
        Assert.DoesNotContain("Trưởng thôn Hai thu tiền", all, StringComparison.Ordinal);
        Assert.DoesNotContain("cán bộ gọi lại", all, StringComparison.Ordinal);

        // Phone numbers and chat ids are masked by the console format whatever a message carries.
        var console = string.Join('\n', written.Select(PersonalDataRedactor.Redact));
        Assert.DoesNotContain("934567891", console.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Citizen.ToString(System.Globalization.CultureInfo.InvariantCulture), console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gửi tới 0912345678 thất bại", "Gửi tới [số điện thoại] thất bại")]
    [InlineData("Số +84 912 345 678 bị chặn", "Số [số điện thoại] bị chặn")]
    [InlineData("chat_id 123456789 not found", "chat_id [số] not found")]
    [InlineData("mail an@example.vn", "mail [email]")]
    [InlineData("Đơn KN-7K3M9P, 12 tin, 2026-11-24", "Đơn KN-7K3M9P, 12 tin, 2026-11-24")]
    public void The_console_format_masks_phones_long_numbers_and_emails(string message, string written) =>
        Assert.Equal(written, PersonalDataRedactor.Redact(message));

    [Fact]
    public void The_host_writes_its_console_logs_through_the_masking_format()
    {
        var formatters = Bot.App.Services.GetServices<Microsoft.Extensions.Logging.Console.ConsoleFormatter>();
        Assert.Contains(formatters, f => f.Name == RedactingConsoleFormatter.FormatterName);
        var options = Bot.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(RedactingConsoleFormatter.FormatterName, options.FormatterName);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(20);
        }
    }
}
