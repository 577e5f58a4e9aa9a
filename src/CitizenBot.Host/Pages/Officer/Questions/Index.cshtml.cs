using CitizenBot.Channels;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Roles;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Questions;

/// <summary>
/// Citizens' questions: the waiting ones oldest first, each with when it was asked, how long it has waited, the flow the
/// citizen was in and their words, an answer box (a saved answer can fill it), and a way to set it aside as junk or as a
/// duplicate; below, the ones already dealt with and by whom. The answer goes through <see cref="QuestionBook"/> and the
/// outbox, so the citizen gets it on their channel exactly as from a Telegram command.
/// </summary>
public sealed class IndexModel(QuestionBook questions, SavedAnswerBook saved, OfficerAccounts accounts, OutboxKicker kicker) : PageModel
{
    public const int HandledListed = 50;

    public List<OfficerQuestion> Waiting { get; private set; } = [];

    public List<OfficerQuestion> Handled { get; private set; } = [];

    public List<SavedAnswer> Saved { get; private set; } = [];

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    [BindProperty]
    public DismissInput Dismissal { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public sealed class AnswerInput
    {
        public string? Tag { get; set; }

        public string? Text { get; set; }

        public long? SavedId { get; set; }
    }

    public sealed class DismissInput
    {
        public string? Tag { get; set; }

        public QuestionDismissal Reason { get; set; }

        public string? DuplicateOf { get; set; }
    }

    public void OnGet() => Load();

    /// <summary>Fills the question's answer box with the saved answer picked; nothing is sent.</summary>
    public IActionResult OnPostUse()
    {
        ModelState.Clear();
        if (Input.SavedId is { } id && saved.Get(id) is { } answer)
        {
            Input.Text = answer.Text;
        }
        else
        {
            ModelState.AddModelError("Input.SavedId", "Xin chọn một câu trả lời mẫu.");
        }

        Load();
        return Page();
    }

    public IActionResult OnPostAnswer()
    {
        ModelState.Clear();
        var text = Input.Text?.Trim() ?? "";
        if (text.Length < QuestionAnswerLimits.TextMin)
        {
            ModelState.AddModelError("Input.Text", "Xin nhập nội dung trả lời trước khi gửi.");
        }
        else if (text.Length > QuestionAnswerLimits.TextMax)
        {
            ModelState.AddModelError("Input.Text", $"Câu trả lời tối đa {QuestionAnswerLimits.TextMax} ký tự (hiện có {text.Length}).");
        }

        if (!ModelState.IsValid)
        {
            Load();
            return Page();
        }

        var (outcome, question) = questions.Answer(Input.Tag ?? "", text, AnsweredAs(User.Role()), User.Actor());
        switch (outcome)
        {
            case AnswerOutcome.Answered:
                kicker.Kick(question!.AddressKey);
                Notice = $"Đã gửi câu trả lời {question.Tag} tới công dân.";
                return RedirectToPage();
            case AnswerOutcome.AlreadyAnswered:
                Notice = $"Câu hỏi {question!.Tag} đã được trả lời trước đó; câu trả lời mới không được gửi.";
                return RedirectToPage();
            case AnswerOutcome.Dismissed:
                Notice = $"Câu hỏi {question!.Tag} đã được gác lại; câu trả lời không được gửi.";
                return RedirectToPage();
            default:
                Notice = "Không tìm thấy câu hỏi này.";
                return RedirectToPage();
        }
    }

    public IActionResult OnPostDismiss()
    {
        ModelState.Clear();
        if (Dismissal.Reason == QuestionDismissal.Duplicate && string.IsNullOrWhiteSpace(Dismissal.DuplicateOf))
        {
            ModelState.AddModelError("Dismissal.DuplicateOf", "Xin ghi mã câu hỏi bị trùng (ví dụ Q-1A2B).");
            Load();
            return Page();
        }

        var (outcome, question) = questions.Dismiss(Dismissal.Tag ?? "", Dismissal.Reason, Dismissal.DuplicateOf, User.Actor());
        string? error = outcome switch
        {
            DismissOutcome.OriginalNotFound => "Không tìm thấy câu hỏi đang chờ hoặc đã trả lời có mã này (và không thể trùng với chính nó).",
            DismissOutcome.OriginalFromAnotherCitizen => "Câu hỏi đó là của người khác. Mỗi người dân cần được trả lời: xin trả lời câu này (có thể dùng câu trả lời mẫu).",
            _ => null,
        };
        if (error is not null)
        {
            ModelState.AddModelError("Dismissal.DuplicateOf", error);
            Load();
            return Page();
        }

        Notice = outcome switch
        {
            DismissOutcome.Dismissed when Dismissal.Reason == QuestionDismissal.Junk => $"Đã gác lại câu hỏi {question!.Tag} (không hợp lệ). Người hỏi không nhận được tin nhắn nào.",
            DismissOutcome.Dismissed => $"Đã gác lại câu hỏi {question!.Tag} (trùng với {question.DuplicateOf}). Người hỏi được báo sẽ nhận trả lời ở câu {question.DuplicateOf}.",
            DismissOutcome.NotOpen => $"Câu hỏi {question!.Tag} đã được trả lời hoặc gác lại trước đó.",
            _ => "Không tìm thấy câu hỏi này.",
        };
        if (outcome == DismissOutcome.Dismissed && question!.DuplicateOf is not null)
        {
            kicker.Kick(question.AddressKey);
        }

        return RedirectToPage();
    }

    /// <summary>How the citizen sees who answered: a leader as the commune's leadership, everyone else as the one-stop desk.</summary>
    public static string AnsweredAs(UserRole role) => role == UserRole.Leader ? EscalationTexts.LeaderTitle : EscalationTexts.OfficerTitle;

    public string NameOf(string? actor) => string.IsNullOrEmpty(actor) ? "" : accounts.DisplayNameOf(actor);

    /// <summary>"Trò chuyện trên web", "Telegram": where the answer will reach the citizen.</summary>
    public static string ChannelOf(OfficerQuestion question) => question.AddressKey.Split(':')[0] switch
    {
        "web" => "Trò chuyện trên trang web",
        "telegram" => "Telegram",
        "zalo" => "Zalo",
        "" => "(đã xóa theo yêu cầu)",
        var other => other,
    };

    /// <summary>The menu item's name without its leading emoji ("Đặt lịch tiếp công dân").</summary>
    public static string FlowOf(OfficerQuestion question) =>
        string.IsNullOrWhiteSpace(question.FlowName) || question.FromFlow is "" or "main"
            ? "Menu chính"
            : string.Concat(question.FlowName.SkipWhile(c => !char.IsLetterOrDigit(c)));

    public string? ErrorFor(string key, string tag, string? boundTag)
    {
        if (!string.Equals(QuestionBook.NormalizeTag(boundTag ?? ""), tag, StringComparison.Ordinal))
        {
            return null;
        }

        return ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    private void Load()
    {
        Waiting = questions.Waiting();
        Handled = questions.Handled(HandledListed);
        Saved = saved.All();
    }
}
