using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Summaries;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Summaries;

/// <summary>/baocao [kỳ]: a leader asks for the summary of any month, quarter, year or range of days.</summary>
public sealed class SummaryCommand(SummaryCompiler compiler, CommuneClock clock) : IOfficerCommand
{
    public string Name => "baocao";

    public UserRole Role => UserRole.Leader;

    public string Usage => "/baocao [11/2026 | quý 3/2026 | 2026 | 01/01/2023-31/12/2025] – báo cáo tổng hợp (mặc định: tháng trước)";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        if (SummaryPeriod.Parse(command.Arguments, clock.Today) is not { } period)
        {
            command.Send(SummaryCommandTexts.BadPeriod(command.Arguments));
            return Task.CompletedTask;
        }

        var summary = compiler.Compile(period);
        foreach (var message in SummaryDocument.Messages(summary, clock))
        {
            command.Send(message);
        }
        return Task.CompletedTask;
    }
}

public static class SummaryCommandTexts
{
    public static string BadPeriod(string given) =>
        $"Chưa hiểu kỳ báo cáo \"{given.Trim()}\". Xin gõ ví dụ: /baocao 11/2026 (một tháng), /baocao quý 3/2026, /baocao 2026, "
        + "/baocao 01/01/2023-31/12/2025 (một khoảng ngày); kỳ báo cáo không được ở tương lai.";
}
