using CitizenBot.Core.Roles;

namespace CitizenBot.Host.OfficerConsole;

/// <summary>The console's menu, in the order of the desk's day; an entry shows only to the roles that may open it.</summary>
public static class ConsoleNavigation
{
    public static readonly IReadOnlyList<(string Href, string Text, UserRole Role)> Entries =
    [
        ("/officer", "Việc cần làm", UserRole.Officer),
        ("/officer/petitions", "Kiến nghị", UserRole.Officer),
        ("/officer/questions", "Câu hỏi", UserRole.Officer),
        ("/officer/reception", "Tiếp công dân", UserRole.Officer),
        ("/officer/dossiers", "Hồ sơ", UserRole.Officer),
        ("/officer/guide", "Hướng dẫn thủ tục", UserRole.Officer),
        ("/officer/announcements", "Thông báo", UserRole.Officer),
        ("/officer/ratings", "Đánh giá", UserRole.Officer),
        ("/officer/reports", "Báo cáo", UserRole.Leader),
        ("/officer/letters", "Mẫu thư", UserRole.Admin),
        ("/officer/users", "Người dùng", UserRole.Admin),
        ("/officer/audit", "Nhật ký", UserRole.Admin),
        ("/hangfire", "Công việc nền", UserRole.Admin),
        ("/officer/account", "Tài khoản", UserRole.Officer),
    ];
}
