using CitizenBot.Core.Messaging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>Yes or no, as two buttons; "có", "đồng ý", "không" typed also work.</summary>
public sealed class ConfirmPrompt(string id) : Prompt<bool>(id, null)
{
    private static readonly Choice[] YesNo =
    [
        new("yes", PromptTexts.YesLabel, ["co", "dong y", "ok", "vang", "yes", "y", "u", "uh"]),
        new("no", PromptTexts.NoLabel, ["khong", "ko", "no", "n", "thoi"]),
    ];

    protected override string DefaultRetry => "Xin ông/bà bấm \"Có\" hoặc \"Không\".";

    protected override Recognition<bool> Recognize(DialogContext dc, PromptOptions options, string? buttonValue) =>
        ChoicePrompt.Match(YesNo, buttonValue, dc.Input.Text) switch
        {
            "yes" => Recognition<bool>.Of(true),
            "no" => Recognition<bool>.Of(false),
            _ => Recognition<bool>.Fail(),
        };

    protected override IEnumerable<Button> ButtonsFor(PromptOptions options, DialogInstance instance) =>
        YesNo.Select(c => new Button(c.Label, $"{instance.Tag}|{c.Value}"));
}
