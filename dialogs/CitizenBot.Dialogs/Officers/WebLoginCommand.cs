using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;

namespace CitizenBot.Dialogs.Officers;

/// <summary>/dangnhapweb: an officer gets a one-time code to log in on the officer page as themselves (private chat only).</summary>
public sealed class WebLoginCommand(WebLogins logins) : IOfficerCommand
{
    public string Name => "dangnhapweb";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/dangnhapweb – mã đăng nhập trang cán bộ trên web (dùng một lần, trong 10 phút)";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        if (command.InGroup)
        {
            command.Send("Xin gõ /dangnhapweb trong trò chuyện riêng với bot: mã đăng nhập không được gửi vào nhóm.");
            return Task.CompletedTask;
        }

        // Queued by the login book itself, so the message can be overwritten once the code is used or late.
        logins.IssueCode(command.Actor, command.Address, code => new OutgoingMessage(
            $"🔑 Mã đăng nhập trang cán bộ: {code}\nDùng một lần, trong {WebLogins.CodeLifetime.TotalMinutes:0} phút, chỉ cho chính đồng chí. "
            + "Mở trang /officer của máy chủ CitizenBot và nhập mã này."));
        return Task.CompletedTask;
    }
}
