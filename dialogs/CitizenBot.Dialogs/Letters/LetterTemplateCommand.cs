using CitizenBot.Core.Commune;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Letters;

/// <summary>
/// /mauthu: an admin reads and edits the letters' templates while the bot runs. "/mauthu" lists the kinds,
/// "/mauthu khaisinh" shows one, "/mauthu khaisinh &lt;text&gt;" replaces it, "/mauthu khaisinh macdinh" restores the built-in text.
/// </summary>
public sealed class LetterTemplateCommand(LetterTemplates templates, CommuneClock clock) : IOfficerCommand
{
    private const string Reset = "macdinh";

    public string Name => "mauthu";

    public UserRole Role => UserRole.Admin;

    public string Usage => "/mauthu [loại thư] [nội dung mới | macdinh] – xem, sửa mẫu thư gửi công dân";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var parts = command.Arguments.Split([' ', '\n'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            command.Send(LetterTemplateTexts.List(templates));
            return Task.CompletedTask;
        }

        if (!LetterNames.Short.TryGetValue(TextMatching.Fold(parts[0]).Replace(" ", "", StringComparison.Ordinal), out var kind))
        {
            command.Send(LetterTemplateTexts.UnknownKind(parts[0]));
            return Task.CompletedTask;
        }

        if (parts.Length == 1)
        {
            command.Send(LetterTemplateTexts.Show(kind, templates.Get(kind), templates.IsCustom(kind)));
            return Task.CompletedTask;
        }

        if (TextMatching.Fold(parts[1]).Replace(" ", "", StringComparison.Ordinal) == Reset)
        {
            templates.Reset(kind, command.Actor, clock.UtcNow);
            command.Send(LetterTemplateTexts.WasReset(kind));
            return Task.CompletedTask;
        }

        var (outcome, unknown) = templates.Set(kind, parts[1], command.Actor, clock.UtcNow);
        command.Send(outcome switch
        {
            TemplateChange.Saved => LetterTemplateTexts.Saved(kind),
            TemplateChange.TooShort => LetterTemplateTexts.TooShort,
            TemplateChange.TooLong => LetterTemplateTexts.TooLong,
            _ => LetterTemplateTexts.Unknown(unknown),
        });
        return Task.CompletedTask;
    }
}

/// <summary>What /mauthu says.</summary>
public static class LetterTemplateTexts
{
    public static string Placeholders() =>
        "Các ô điền sẵn: " + string.Join("; ", LetterTemplates.Placeholders.Select(p => $"{{{p.Key}}} = {p.Value}"));

    public static string List(LetterTemplates templates) =>
        "✉️ Mẫu thư gửi công dân:\n"
        + string.Join('\n', Enum.GetValues<LetterKind>().Select(k =>
            $"• {LetterNames.ShortOf(k)} – {LetterNames.Of(k)}{(templates.IsCustom(k) ? " (đã sửa)" : "")}"))
        + "\n\nXem một mẫu: /mauthu khaisinh\nSửa: /mauthu khaisinh <nội dung mới>\nVề mẫu gốc: /mauthu khaisinh macdinh\n"
        + Placeholders();

    public static string Show(LetterKind kind, string text, bool custom) =>
        $"✉️ {LetterNames.Of(kind)} ({(custom ? "mẫu đã sửa" : "mẫu gốc")}):\n\n{text}\n\n{Placeholders()}";

    public static string UnknownKind(string given) =>
        $"Không có loại thư \"{given}\". Các loại: {string.Join(", ", LetterNames.Short.Keys)}.";

    public static string Saved(LetterKind kind) => $"✅ Đã lưu mẫu {LetterNames.Of(kind)}. Các thư gửi từ bây giờ dùng mẫu mới.";

    public static string WasReset(LetterKind kind) => $"✅ {LetterNames.Of(kind)} đã về mẫu gốc.";

    public static readonly string TooShort = $"Mẫu thư quá ngắn (ít nhất {LetterTemplates.MinLength} ký tự).";

    public static readonly string TooLong = $"Mẫu thư quá dài (tối đa {VietnameseFormat.Number(LetterTemplates.MaxLength)} ký tự).";

    public static string Unknown(IEnumerable<string> names) =>
        $"Mẫu có ô không biết: {string.Join(", ", names.Select(n => $"{{{n}}}"))}. Chưa lưu. {Placeholders()}";
}
