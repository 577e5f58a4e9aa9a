using CitizenBot.Core.Guide;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Guide;

/// <summary>
/// One procedure of the guide: add it, change it (a change takes the confirmation away), confirm it once its legal basis and
/// source are written, hide it from citizens, or delete it. Every step goes through <see cref="GuideBook"/>, audited under the officer.
/// Any officer may edit and confirm: the guide's core restricts neither, and every console user is an officer at least.
/// </summary>
public sealed class EntryModel(GuideBook book) : PageModel
{
    /// <summary>The entry's key (?ten=dang ky khai sinh), or none for a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "ten")]
    public string? Key { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Field { get; set; }

    /// <summary>One per line (or separated by ";").</summary>
    [BindProperty]
    public string? Aliases { get; set; }

    [BindProperty]
    public string? Papers { get; set; }

    [BindProperty]
    public string? Fee { get; set; }

    [BindProperty]
    public string? ProcessingTime { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? OnlineLink { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public string? SourceUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The entry as stored (status, who confirmed it), or null for a new one.</summary>
    public GuideEntry? Stored { get; private set; }

    public IActionResult OnGet()
    {
        if (Key is null)
        {
            return Page();
        }

        if (book.Get(Key) is not { } entry)
        {
            Notice = "Thủ tục này không còn trong hướng dẫn (có thể vừa bị xóa).";
            return RedirectToPage("Index");
        }

        Stored = entry;
        Fill(entry);
        return Page();
    }

    public IActionResult OnPostSave()
    {
        var typed = new GuideEntry
        {
            Name = Clean(Name),
            Field = Clean(Field),
            Aliases = GuideRules.AliasesOf(Aliases),
            Papers = Clean(Papers),
            Fee = Clean(Fee),
            ProcessingTime = Clean(ProcessingTime),
            Place = Clean(Place),
            OnlineLink = Clean(OnlineLink),
            LegalBasis = Clean(LegalBasis),
            SourceUrl = Clean(SourceUrl),
        };
        var (problems, saved, changed) = book.Save(Key, typed, User.Actor());
        if (!problems.Ok)
        {
            if (problems.ByField.ContainsKey(""))
            {
                Notice = problems.ByField[""];
                return RedirectToPage("Index");
            }

            foreach (var (field, message) in problems.ByField)
            {
                ModelState.AddModelError(field, message);
            }

            Stored = Key is null ? null : book.Get(Key);
            return Page();
        }

        Notice = !changed
            ? "Không có gì thay đổi."
            : Key is null
                ? $"Đã thêm thủ tục \"{saved!.Name}\". Thủ tục chờ xác nhận: công dân chưa thấy cho đến khi một cán bộ bấm \"Xác nhận\"."
                : $"Đã lưu thay đổi thủ tục \"{saved!.Name}\". Thủ tục chờ xác nhận lại trước khi công dân thấy nội dung mới.";
        return RedirectToPage(new { ten = saved!.Key });
    }

    public IActionResult OnPostConfirm()
    {
        if (Key is null || book.Get(Key) is not { } entry)
        {
            Notice = "Thủ tục này không còn trong hướng dẫn (có thể vừa bị xóa).";
            return RedirectToPage("Index");
        }

        if (book.TryConfirm(entry.Key, User.Actor()) == GuideConfirmOutcome.Incomplete)
        {
            Stored = entry;
            Fill(entry);
            foreach (var (field, message) in GuideRules.ConfirmProblems(entry).ByField)
            {
                ModelState.AddModelError(field, message);
            }

            ModelState.AddModelError("confirm", "Chưa xác nhận được: xin bổ sung các ô được đánh dấu, bấm \"Lưu\", rồi xác nhận.");
            return Page();
        }

        Notice = $"Đã xác nhận thủ tục \"{entry.Name}\": từ bây giờ bot trả lời công dân theo nội dung này.";
        return RedirectToPage(new { ten = entry.Key });
    }

    public IActionResult OnPostUnconfirm()
    {
        var entry = Key is null ? null : book.Get(Key);
        Notice = entry is not null && book.Unconfirm(entry.Key, User.Actor())
            ? $"Đã ẩn thủ tục \"{entry.Name}\" khỏi công dân. Thủ tục chờ xác nhận lại."
            : "Thủ tục này không còn trong hướng dẫn (có thể vừa bị xóa).";
        return entry is null ? RedirectToPage("Index") : RedirectToPage(new { ten = entry.Key });
    }

    public IActionResult OnPostDelete()
    {
        var entry = Key is null ? null : book.Get(Key);
        Notice = entry is not null && book.Delete(entry.Key, User.Actor())
            ? $"Đã xóa thủ tục \"{entry.Name}\" khỏi hướng dẫn."
            : "Thủ tục này đã được xóa trước đó.";
        return RedirectToPage("Index");
    }

    private static string Clean(string? text) => (text ?? "").Trim();

    private void Fill(GuideEntry entry)
    {
        Name = entry.Name;
        Field = entry.Field;
        Aliases = string.Join("\n", entry.Aliases);
        Papers = entry.Papers;
        Fee = entry.Fee;
        ProcessingTime = entry.ProcessingTime;
        Place = entry.Place;
        OnlineLink = entry.OnlineLink;
        LegalBasis = entry.LegalBasis;
        SourceUrl = entry.SourceUrl;
    }
}
