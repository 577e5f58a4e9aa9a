using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Guide;

/// <summary>What is wrong with an entry as typed, by field (the <see cref="GuideEntry"/> property's name); empty when it can be saved.</summary>
public sealed record GuideEntryProblems(IReadOnlyDictionary<string, string> ByField)
{
    public static readonly GuideEntryProblems None = new(new Dictionary<string, string>());

    public bool Ok => ByField.Count == 0;
}

/// <summary>What an officer's "Xác nhận" did.</summary>
public enum GuideConfirmOutcome
{
    Confirmed,
    NotFound,

    /// <summary>The entry names no legal basis or no source: citizens are never shown content nobody can check.</summary>
    Incomplete,
}

/// <summary>The rules an entry keeps wherever it is typed (the console's form, a file, the API).</summary>
public static class GuideRules
{
    public const int NameMax = 200;
    public const int TextMax = 4000;
    public const int LinkMax = 500;
    public const int AliasesMax = 50;

    /// <summary>An absolute http(s) address.</summary>
    public static bool IsWebLink(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>Whether the name is long enough to be told apart (three letters or more once folded).</summary>
    public static bool IsName(string? name) => TextMatching.Words(name).Length >= 3 && name!.Trim().Length <= NameMax;

    /// <summary>The entry's problems as typed on the console, by field.</summary>
    public static GuideEntryProblems Check(GuideEntry entry)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            problems[nameof(GuideEntry.Name)] = "Xin nhập tên thủ tục.";
        }
        else if (!IsName(entry.Name))
        {
            problems[nameof(GuideEntry.Name)] = $"Tên thủ tục cần ít nhất 3 chữ cái và không quá {NameMax} ký tự.";
        }

        if (entry.Field.Length > NameMax)
        {
            problems[nameof(GuideEntry.Field)] = $"Lĩnh vực không quá {NameMax} ký tự.";
        }

        if (entry.Aliases.Count > AliasesMax || entry.Aliases.Any(a => a.Length > NameMax))
        {
            problems[nameof(GuideEntry.Aliases)] = $"Tối đa {AliasesMax} cách gọi, mỗi cách không quá {NameMax} ký tự.";
        }

        foreach (var (field, value) in new[]
        {
            (nameof(GuideEntry.Papers), entry.Papers), (nameof(GuideEntry.Fee), entry.Fee), (nameof(GuideEntry.ProcessingTime), entry.ProcessingTime),
            (nameof(GuideEntry.Place), entry.Place), (nameof(GuideEntry.LegalBasis), entry.LegalBasis),
        })
        {
            if (value.Length > TextMax)
            {
                problems[field] = $"Nội dung này dài quá {TextMax} ký tự.";
            }
        }

        foreach (var (field, value) in new[] { (nameof(GuideEntry.OnlineLink), entry.OnlineLink), (nameof(GuideEntry.SourceUrl), entry.SourceUrl) })
        {
            if (value.Length > 0 && (value.Length > LinkMax || !IsWebLink(value)))
            {
                problems[field] = "Cần một địa chỉ web đầy đủ, bắt đầu bằng https:// (ví dụ https://dichvucong.gov.vn/...).";
            }
        }

        return new GuideEntryProblems(problems);
    }

    /// <summary>Why the entry may not be shown to citizens yet, by field; empty when an officer may confirm it.</summary>
    public static GuideEntryProblems ConfirmProblems(GuideEntry entry)
    {
        var problems = new Dictionary<string, string>(Check(entry).ByField);
        if (string.IsNullOrWhiteSpace(entry.LegalBasis))
        {
            problems[nameof(GuideEntry.LegalBasis)] = "Cần ghi căn cứ pháp lý (tên văn bản, điều khoản) trước khi xác nhận.";
        }

        if (string.IsNullOrWhiteSpace(entry.SourceUrl))
        {
            problems[nameof(GuideEntry.SourceUrl)] = "Cần ghi nguồn (địa chỉ trang văn bản hoặc Cổng dịch vụ công đã đối chiếu) trước khi xác nhận.";
        }

        return new GuideEntryProblems(problems);
    }

    /// <summary>The words citizens use, one per line or separated by ";", trimmed, without repeats.</summary>
    public static List<string> AliasesOf(string? text) =>
        [.. (text ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
