using CitizenBot.Core.Commune;
using CitizenBot.Core.Roles;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Audit;

/// <summary>The audit log for admins: who did what, on which record, when; filtered by person, action, days and words; newest first, paged.</summary>
[Authorize(Policy = ConsolePolicies.Admin)]
public sealed class IndexModel(AuditLog log, OfficerAccounts accounts, CommuneClock clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0);

    public List<(string Key, string Name)> People { get; private set; } = [];

    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public string Name(string actor) => accounts.DisplayNameOf(actor);

    public void OnGet()
    {
        People = [.. log.Actors().Select(a => (a, Name(a))).OrderBy(p => p.Item2, StringComparer.CurrentCulture)];
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "Ngày \"đến\" phải sau ngày \"từ\".");
            return;
        }

        if (!string.IsNullOrEmpty(Kind) && !AuditActions.Names.ContainsKey(Kind) && !AuditActions.Groups.ContainsKey(Kind))
        {
            Kind = null;
        }

        PageNumber = Math.Max(1, PageNumber);
        Result = log.Search(
            string.IsNullOrEmpty(Person) ? null : [Person],
            Kind,
            From is { } start ? clock.FromLocal(start.ToDateTime(TimeOnly.MinValue)) : null,
            To is { } end ? clock.FromLocal(end.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
            Words,
            PageNumber,
            PageSize);
    }

    /// <summary>The same filters on another page.</summary>
    public Dictionary<string, string?> Route(int page) => new()
    {
        ["person"] = Person, ["kind"] = Kind, ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["words"] = Words, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The audit log's action names as officers read them.</summary>
public static class AuditActions
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["web.login"] = "Đăng nhập trang cán bộ",
        ["account.create"] = "Tạo tài khoản",
        ["account.password"] = "Đổi mật khẩu",
        ["account.reset"] = "Đặt lại mật khẩu",
        ["account.lockout"] = "Tạm khóa do nhập sai mật khẩu",
        ["account.unlock"] = "Mở khóa tài khoản",
        ["account.disable"] = "Ngừng tài khoản",
        ["account.enable"] = "Cho tài khoản hoạt động lại",
        ["role.grant"] = "Cấp vai trò",
        ["role.revoke"] = "Thu hồi vai trò",
        ["question.answer"] = "Trả lời câu hỏi",
        ["petition.received"] = "Kiến nghị: tiếp nhận",
        ["petition.assigned"] = "Kiến nghị: giao xử lý",
        ["petition.inprogress"] = "Kiến nghị: đang xử lý",
        ["petition.answered"] = "Kiến nghị: trả lời",
        ["petition.closed"] = "Kiến nghị: đóng",
        ["petition.transferred"] = "Kiến nghị: chuyển cơ quan khác",
        ["petition.rejected"] = "Kiến nghị: từ chối",
        ["reception.attended"] = "Tiếp dân: có mặt",
        ["reception.noshow"] = "Tiếp dân: vắng mặt",
        ["reception.session.add"] = "Tiếp dân: thêm buổi",
        ["announcements.group.register"] = "Thông báo: đăng ký nhóm",
        ["announcements.publish"] = "Thông báo: gửi",
        ["letter.template"] = "Sửa mẫu thư",
        ["letter.template.reset"] = "Khôi phục mẫu thư",
        ["petition.reopened"] = "Kiến nghị: mở lại để xem xét lại",
        ["petition.identity.read"] = "Tố cáo: xem danh tính người tố cáo",
        ["question.dismiss.junk"] = "Câu hỏi: gác lại (không hợp lệ)",
        ["question.dismiss.duplicate"] = "Câu hỏi: gác lại (trùng lặp)",
        ["saved-answer.create"] = "Câu trả lời mẫu: thêm",
        ["saved-answer.edit"] = "Câu trả lời mẫu: sửa",
        ["saved-answer.delete"] = "Câu trả lời mẫu: xóa",
        ["rating.read"] = "Đánh giá: đã đọc góp ý",
        ["guide.create"] = "Hướng dẫn thủ tục: thêm",
        ["guide.update"] = "Hướng dẫn thủ tục: sửa",
        ["guide.confirm"] = "Hướng dẫn thủ tục: xác nhận",
        ["guide.unconfirm"] = "Hướng dẫn thủ tục: thu hồi xác nhận",
        ["guide.delete"] = "Hướng dẫn thủ tục: xóa",
        ["dossier.import"] = "Hồ sơ: nhập tệp",
        ["privacy.erase"] = "Công dân xóa dữ liệu",
        ["privacy.withdraw"] = "Công dân rút đồng ý",
    };

    /// <summary>Whole families of actions, for the filter ("petition" = every petition step).</summary>
    public static readonly IReadOnlyDictionary<string, string> Groups = new Dictionary<string, string>
    {
        ["account"] = "Tài khoản (mọi việc)",
        ["petition"] = "Kiến nghị (mọi bước)",
        ["reception"] = "Tiếp dân (mọi việc)",
        ["announcements"] = "Thông báo (mọi việc)",
        ["question"] = "Câu hỏi (mọi việc)",
        ["guide"] = "Hướng dẫn thủ tục (mọi việc)",
    };

    public static string Of(string action) => Names.TryGetValue(action, out var name) ? name : action;

    /// <summary>
    /// A subject as officers read it. Subjects are recorded in the log's own words ("account:lan Leader", "officer page
    /// (password)", "… off-day confirmed"); the page shows the Vietnamese words, the record stays as written.
    /// </summary>
    public static string SubjectOf(string subject) => string.Join(' ', subject.Split(' ').Select(word => word switch
    {
        nameof(UserRole.Citizen) => RoleNames.Of(UserRole.Citizen),
        nameof(UserRole.Officer) => RoleNames.Of(UserRole.Officer),
        nameof(UserRole.Leader) => RoleNames.Of(UserRole.Leader),
        nameof(UserRole.Admin) => RoleNames.Of(UserRole.Admin),
        _ => word,
    }))
        .Replace("officer page (password)", "trang cán bộ (mật khẩu)", StringComparison.Ordinal)
        .Replace("officer page", "trang cán bộ", StringComparison.Ordinal)
        .Replace("off-day confirmed", "(ngày nghỉ, đã xác nhận)", StringComparison.Ordinal);
}
