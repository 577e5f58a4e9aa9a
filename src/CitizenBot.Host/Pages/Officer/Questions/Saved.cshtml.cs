using CitizenBot.Core.Escalation;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Questions;

/// <summary>The desk's saved answers: add, change, delete; each change audited under the officer.</summary>
public sealed class SavedModel(SavedAnswerBook saved) : PageModel
{
    public List<SavedAnswer> Answers { get; private set; } = [];

    /// <summary>The saved answer being changed (?edit=3), or none for a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Edit { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IActionResult OnGet()
    {
        if (Edit is { } id)
        {
            if (saved.Get(id) is not { } answer)
            {
                Notice = "Câu trả lời mẫu này không còn nữa.";
                return RedirectToPage(new { edit = (long?)null });
            }

            (Title, Text) = (answer.Title, answer.Text);
        }

        Answers = saved.All();
        return Page();
    }

    public IActionResult OnPostSave()
    {
        var (problems, answer) = saved.Save(Edit, Title, Text, User.Actor());
        if (!problems.Ok)
        {
            foreach (var (field, message) in problems.ByField)
            {
                ModelState.AddModelError(field, message);
            }

            Answers = saved.All();
            return Page();
        }

        Notice = Edit is null ? $"Đã thêm câu trả lời mẫu \"{answer!.Title}\"." : $"Đã lưu thay đổi câu trả lời mẫu \"{answer!.Title}\".";
        return RedirectToPage(new { edit = (long?)null });
    }

    public IActionResult OnPostDelete(long id)
    {
        Notice = saved.Delete(id, User.Actor()) ? "Đã xóa câu trả lời mẫu." : "Câu trả lời mẫu này đã được xóa trước đó.";
        return RedirectToPage(new { edit = (long?)null });
    }
}
