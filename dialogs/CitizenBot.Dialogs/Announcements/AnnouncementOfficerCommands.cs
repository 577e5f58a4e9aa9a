using System.Globalization;
using CitizenBot.Core.Announcements;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Announcements;

/// <summary>/thongbao: compose an announcement (in a private chat with the bot).</summary>
public sealed class ComposeAnnouncementCommand : IOfficerCommand
{
    public string Name => "thongbao";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/thongbao – soạn và gửi thông báo tới các nhóm thôn (trong trò chuyện riêng với bot)";

    public async Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        if (command.InGroup)
        {
            command.Send(AnnouncementDialogTexts.PrivateOnly);
            return;
        }

        await command.BeginDialogAsync(ComposeAnnouncementDialog.DialogId, ct);
    }
}

/// <summary>/dangkython Thôn Một: typed in a village's group, makes it that village's announcement group.</summary>
public sealed class RegisterVillageGroupCommand(AnnouncementBook board) : IOfficerCommand
{
    public string Name => "dangkython";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/dangkython <tên thôn> – (trong nhóm của thôn) đăng ký nhóm nhận thông báo";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        if (!command.InGroup)
        {
            command.Send(AnnouncementDialogTexts.GroupOnly);
            return Task.CompletedTask;
        }

        if (board.VillageNamed(command.Arguments) is not { } village)
        {
            command.Send(AnnouncementDialogTexts.RegisterUsage(board.Villages));
            return Task.CompletedTask;
        }

        board.RegisterGroup(command.Address, village, command.Actor);
        command.Send(AnnouncementDialogTexts.Registered(village));
        return Task.CompletedTask;
    }
}

/// <summary>/baocaotb [TB-12]: how an announcement's deliveries stand (default: the latest).</summary>
public sealed class AnnouncementReportCommand(AnnouncementBook board) : IOfficerCommand
{
    public string Name => "baocaotb";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/baocaotb [TB-số] – báo cáo gửi thông báo: đã gửi, lỗi và lý do, đang chờ";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var code = command.Arguments.Trim().ToUpperInvariant().Replace("TB-", "", StringComparison.Ordinal);
        var announcement = code.Length == 0 ? board.Latest()
            : long.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? board.Get(id) : null;
        command.Send(announcement is null ? AnnouncementDialogTexts.NoSuchAnnouncement : AnnouncementTexts.Report(board.Report(announcement)));
        return Task.CompletedTask;
    }
}
