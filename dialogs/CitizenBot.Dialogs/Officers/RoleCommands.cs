using CitizenBot.Core.Roles;

namespace CitizenBot.Dialogs.Officers;

/// <summary>/capquyen 12345 canbo: an admin grants a role (canbo, lanhdao, quantri, congdan to revoke).</summary>
public sealed class GrantRoleCommand(UserRoles roles) : IOfficerCommand
{
    public string Name => "capquyen";

    public UserRole Role => UserRole.Admin;

    public string Usage => "/capquyen <mã người dùng Telegram> <canbo|lanhdao|quantri> – cấp quyền";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var parts = command.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            || RoleNames.Parse(parts[1]) is not { } role)
        {
            command.Send("Cách dùng: " + Usage + "\nVí dụ: /capquyen 123456789 canbo");
            return Task.CompletedTask;
        }

        var userKey = UserRoles.UserKey(command.Address.Channel, parts[0]);
        roles.Grant(userKey, role, command.Actor);
        command.Send($"Đã cấp quyền {RoleNames.Of(role)} cho người dùng {parts[0]}.");
        return Task.CompletedTask;
    }
}

/// <summary>/thuhoiquyen 12345: an admin takes a granted role back (configured admins stay admins).</summary>
public sealed class RevokeRoleCommand(UserRoles roles) : IOfficerCommand
{
    public string Name => "thuhoiquyen";

    public UserRole Role => UserRole.Admin;

    public string Usage => "/thuhoiquyen <mã người dùng Telegram> – thu hồi quyền";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var id = command.Arguments.Trim();
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            command.Send("Cách dùng: " + Usage);
            return Task.CompletedTask;
        }

        var userKey = UserRoles.UserKey(command.Address.Channel, id);
        if (roles.IsConfiguredAdmin(userKey))
        {
            command.Send("Người dùng này là quản trị theo cấu hình (Telegram:AdminUserIds); sửa cấu hình để thay đổi.");
            return Task.CompletedTask;
        }

        roles.Grant(userKey, UserRole.Citizen, command.Actor);
        command.Send($"Đã thu hồi quyền của người dùng {id}.");
        return Task.CompletedTask;
    }
}
