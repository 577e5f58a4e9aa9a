using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>Photos or files; with Min = 0 in the options a "Bỏ qua" button lets the citizen skip.</summary>
public sealed class AttachmentPrompt(string id, PromptValidator<IReadOnlyList<InputAttachment>>? validator = null)
    : Prompt<IReadOnlyList<InputAttachment>>(id, validator)
{
    private const string SkipValue = "skip";

    protected override string DefaultRetry => PromptTexts.AttachmentRetry;

    protected override Recognition<IReadOnlyList<InputAttachment>> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        if (dc.Input.Attachments.Count > 0)
        {
            return Recognition<IReadOnlyList<InputAttachment>>.Of(dc.Input.Attachments);
        }

        var skip = buttonValue == SkipValue || TextMatching.IsAny(dc.Input.Text, "bỏ qua", "khong co", "không");
        return skip && options.Min is 0
            ? Recognition<IReadOnlyList<InputAttachment>>.Of([])
            : Recognition<IReadOnlyList<InputAttachment>>.Fail(PromptTexts.AttachmentRetry);
    }

    protected override IEnumerable<Button> ButtonsFor(PromptOptions options, DialogInstance instance) =>
        options.Min is 0 ? [new Button("⏭️ Bỏ qua", $"{instance.Tag}|{SkipValue}")] : [];
}
