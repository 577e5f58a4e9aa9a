using CitizenBot.Core.Commune;
using CitizenBot.Core.Letters;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Letters;

/// <summary>
/// One letter template: edit it with the placeholders explained, preview it filled with sample values, save (an unknown
/// placeholder, a text too short or too long is refused next to the field, nothing saved), or go back to the built-in
/// text. Every change is audited under the admin.
/// </summary>
[Authorize(Policy = ConsolePolicies.Admin)]
public sealed class EditModel(LetterTemplates templates, CommuneOptions commune, CommuneClock clock) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Message { get; set; }

    public LetterKind Kind { get; private set; }

    public bool Custom { get; private set; }

    public string? Preview { get; private set; }

    public IActionResult OnGet(string kind)
    {
        if (!Find(kind))
        {
            return NotFound();
        }

        Text = templates.Get(Kind);
        return Page();
    }

    public IActionResult OnPostPreview(string kind)
    {
        if (!Find(kind))
        {
            return NotFound();
        }

        if (Check())
        {
            Preview = LetterTemplates.Render(Text!.Trim(), LetterTemplates.SampleValues(commune.Name, clock.Today));
        }

        return Page();
    }

    public IActionResult OnPostSave(string kind)
    {
        if (!Find(kind))
        {
            return NotFound();
        }

        if (!Check())
        {
            return Page();
        }

        var (outcome, _) = templates.Set(Kind, Text!, User.Actor(), clock.UtcNow);
        if (outcome != TemplateChange.Saved)
        {
            ModelState.AddModelError(nameof(Text), "Chưa lưu được mẫu thư. Xin kiểm tra lại nội dung.");
            return Page();
        }

        Message = $"Đã lưu mẫu {LetterNames.Of(Kind)}. Các thư gửi từ bây giờ dùng mẫu mới.";
        return RedirectToPage("Edit", new { kind });
    }

    public IActionResult OnPostReset(string kind)
    {
        if (!Find(kind))
        {
            return NotFound();
        }

        templates.Reset(Kind, User.Actor(), clock.UtcNow);
        Message = $"{LetterNames.Of(Kind)} đã trở về mẫu gốc.";
        return RedirectToPage("Edit", new { kind });
    }

    /// <summary>The same checks the template book makes when saving, as messages next to the field.</summary>
    private bool Check()
    {
        var text = Text?.Trim() ?? "";
        if (text.Length < LetterTemplates.MinLength)
        {
            ModelState.AddModelError(nameof(Text), $"Mẫu thư quá ngắn (ít nhất {LetterTemplates.MinLength} ký tự).");
        }
        else if (text.Length > LetterTemplates.MaxLength)
        {
            ModelState.AddModelError(nameof(Text), $"Mẫu thư quá dài (tối đa {VietnameseFormat.Number(LetterTemplates.MaxLength)} ký tự).");
        }
        else if (LetterTemplates.UnknownPlaceholders(text) is { Count: > 0 } unknown)
        {
            ModelState.AddModelError(nameof(Text), $"Mẫu có ô không biết: {string.Join(", ", unknown.Select(n => "{" + n + "}"))}. "
                + "Chỉ dùng được các ô trong bảng bên dưới. Chưa lưu.");
        }

        return ModelState.IsValid;
    }

    private bool Find(string kind)
    {
        if (!LetterNames.Short.TryGetValue(kind, out var found))
        {
            return false;
        }

        Kind = found;
        Custom = templates.IsCustom(found);
        return true;
    }
}
