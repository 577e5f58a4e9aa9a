using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Privacy;

/// <summary>
/// Dữ liệu của tôi: what the commune holds about this chat, section by section; see it in full, download it as
/// a file, erase it, or withdraw consent (erase and be told nothing more will be sent). Erasing asks first.
/// </summary>
public sealed class MyDataDialog : WaterfallDialog
{
    public const string DialogId = "privacy.mine";
    public const string ActionPromptId = "privacy.action";
    public const string ConfirmPromptId = "privacy.confirm";
    private readonly PrivacyOffice _office;

    public MyDataDialog(PrivacyOffice office) : base(DialogId)
    {
        _office = office;
        AddStep(nameof(OfferAsync), OfferAsync);
        AddStep(nameof(ActAsync), ActAsync);
        AddStep(nameof(EraseAsync), EraseAsync);
        AddPrompt(new ChoicePrompt(ActionPromptId));
        AddPrompt(new ConfirmPrompt(ConfirmPromptId));
    }

    public override string HelpText => MyDataTexts.Help;

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var sections = _office.Collect(step.Address);
        return await step.PromptAsync(ActionPromptId, new PromptOptions
        {
            Prompt = MyDataTexts.Overview(sections.Select(s => (s.Section, s.Records.Count)).ToList()),
            Choices =
            [
                new Choice("view", MyDataTexts.ViewLabel, ["xem", "xem chi tiet"]),
                new Choice("export", MyDataTexts.ExportLabel, ["tai ve", "tai", "xuat"]),
                new Choice("erase", MyDataTexts.EraseLabel, ["xoa", "xoa du lieu"]),
                new Choice("withdraw", MyDataTexts.WithdrawLabel, ["rut lai", "rut lai su dong y", "khong dong y"]),
            ],
        }, ct);
    }

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var action = (string)step.Result!;
        switch (action)
        {
            case "view":
                foreach (var text in MyDataTexts.Details(_office.Collect(step.Address)))
                {
                    // All of it is personal data, a denouncer's identity included: sealed in the outbox, dropped once delivered.
                    step.Send(new OutgoingMessage(text).AsConfidential());
                }

                return await step.EndAsync(null, ct);
            case "export":
                step.Send(OutgoingMessage.Document(MyDataTexts.Exported, _office.Export(step.Address)).AsConfidential());
                return await step.EndAsync(null, ct);
            default:
                step.State<MyDataState>().Action = action;
                return await step.PromptAsync(ConfirmPromptId, new PromptOptions
                {
                    Prompt = action == "withdraw" ? MyDataTexts.ConfirmWithdraw : MyDataTexts.ConfirmErase,
                }, ct);
        }
    }

    private async Task<DialogTurnResult> EraseAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not true)
        {
            step.Send(MyDataTexts.NothingErased);
            return await step.EndAsync(null, ct);
        }

        var withdraw = step.State<MyDataState>().Action == "withdraw";
        var result = _office.Erase(step.Address, withdraw);
        if (withdraw)
        {
            // As promised: the next message is met with the notice again, as at a first contact.
            step.Context.State.Greeted = false;
        }

        step.Send(MyDataTexts.Erased(result, withdraw));
        return await step.EndAsync(null, ct);
    }
}

/// <summary>What "Dữ liệu của tôi" says.</summary>
public static class MyDataTexts
{
    public const string MenuLabel = "🔒 Dữ liệu của tôi";

    public static readonly IReadOnlyList<string> MenuSynonyms = ["du lieu cua toi", "du lieu", "thong tin ca nhan", "xoa du lieu", "/dulieu"];

    public const string Help =
        "ℹ️ Dữ liệu của tôi: xem những gì UBND xã đang lưu về ông/bà, tải về thành tệp, xóa, hoặc rút lại sự đồng ý xử lý dữ liệu cá nhân.";

    public const string ViewLabel = "👁 Xem chi tiết";
    public const string ExportLabel = "📥 Tải về (tệp)";
    public const string EraseLabel = "🗑 Xóa dữ liệu của tôi";
    public const string WithdrawLabel = "✋ Rút lại sự đồng ý";

    public static string Overview(IReadOnlyList<(string Section, int Count)> sections)
    {
        var held = sections.Where(s => s.Count > 0).ToList();
        return "🔒 Dữ liệu UBND xã đang lưu về ông/bà:\n"
            + (held.Count == 0 ? "• Không có gì ngoài cuộc trò chuyện này.\n" : string.Join('\n', held.Select(s => $"• {s.Section}: {s.Count}")) + "\n")
            + $"Dữ liệu chỉ dùng để giải quyết việc của ông/bà ({PrivacyTexts.LegalBasis}). Ông/bà muốn làm gì?";
    }

    /// <summary>The records in full, one message per section (long sections are cut at 20 records; the file has them all).</summary>
    public static IEnumerable<string> Details(IEnumerable<(string Section, List<PersonalRecord> Records)> sections)
    {
        var any = false;
        foreach (var (section, records) in sections.Where(s => s.Records.Count > 0))
        {
            any = true;
            var lines = records.Take(20).Select(r => $"• {r.Title}: " + string.Join("; ", r.Fields.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"{f.Key}: {f.Value}")));
            yield return $"📂 {section} ({records.Count}):\n" + string.Join('\n', lines) + (records.Count > 20 ? "\n… (xem đủ trong tệp tải về)" : "");
        }

        if (!any)
        {
            yield return "UBND xã không lưu dữ liệu nào khác về ông/bà.";
        }
    }

    public const string Exported = "📥 Toàn bộ dữ liệu UBND xã đang lưu về ông/bà (tệp JSON, mở bằng bất kỳ trình soạn thảo nào).";

    public const string ConfirmErase =
        "Xóa dữ liệu của ông/bà: lịch hẹn sắp tới sẽ bị hủy, ngừng theo dõi hồ sơ và nhận thông báo, xóa tin nhắn, câu hỏi, góp ý. "
        + "Đơn đang được giải quyết vẫn được giữ đến khi có kết quả (theo quy định về khiếu nại, tố cáo). Ông/bà chắc chắn muốn xóa?";

    public const string ConfirmWithdraw =
        "Rút lại sự đồng ý: UBND xã sẽ xóa dữ liệu của ông/bà như trên và không gửi thêm tin nhắn nào (nhắc lịch, thông báo, thư). "
        + "Ông/bà chắc chắn muốn rút lại sự đồng ý?";

    public const string NothingErased = "Dữ liệu của ông/bà được giữ nguyên.";

    public static string Erased(ErasureResult result, bool withdraw) =>
        $"✅ Đã xóa {result.Erased} mục dữ liệu của ông/bà."
        + (result.KeptByLaw > 0 ? $" {result.KeptByLaw} đơn đang được giải quyết vẫn được giữ đến khi có kết quả, theo quy định." : "")
        + (withdraw
            ? " Ông/bà đã rút lại sự đồng ý: UBND xã sẽ không gửi thêm tin nhắn nào. Nếu ông/bà nhắn lại, trợ lý sẽ hỏi lại sự đồng ý của ông/bà."
            : " Xin cảm ơn ông/bà.");
}
