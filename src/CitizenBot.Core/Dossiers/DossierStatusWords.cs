namespace CitizenBot.Core.Dossiers;

/// <summary>Statuses and channels in words a citizen understands, and their CSV names.</summary>
public static class DossierStatusWords
{
    private static readonly Dictionary<string, DossierStatus> CsvStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["received"] = DossierStatus.Received,
        ["in_progress"] = DossierStatus.InProgress,
        ["awaiting_supplement"] = DossierStatus.AwaitingSupplement,
        ["resolved"] = DossierStatus.Resolved,
        ["returned"] = DossierStatus.Returned,
        ["withdrawn"] = DossierStatus.Withdrawn,
    };

    private static readonly Dictionary<string, DossierChannel> CsvChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["direct"] = DossierChannel.Direct,
        ["online_partial"] = DossierChannel.OnlinePartial,
        ["online_full"] = DossierChannel.OnlineFull,
        ["postal"] = DossierChannel.Postal,
    };

    public static IReadOnlyCollection<string> StatusNames => CsvStatuses.Keys;

    public static IReadOnlyCollection<string> ChannelNames => CsvChannels.Keys;

    public static bool TryParseStatus(string? value, out DossierStatus status) => CsvStatuses.TryGetValue(value?.Trim() ?? "", out status);

    public static bool TryParseChannel(string? value, out DossierChannel channel) => CsvChannels.TryGetValue(value?.Trim() ?? "", out channel);

    public static string CsvName(DossierStatus status) => CsvStatuses.First(p => p.Value == status).Key;

    public static string CsvName(DossierChannel channel) => CsvChannels.First(p => p.Value == channel).Key;

    public static string InWords(DossierStatus status) => status switch
    {
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.InProgress => "Đang giải quyết",
        DossierStatus.AwaitingSupplement => "Chờ bổ sung giấy tờ",
        DossierStatus.Resolved => "Đã có kết quả",
        DossierStatus.Returned => "Đã trả lại hồ sơ",
        DossierStatus.Withdrawn => "Công dân đã xin rút hồ sơ",
        _ => status.ToString(),
    };

    public static string InWords(DossierChannel channel) => channel switch
    {
        DossierChannel.Direct => "Nộp trực tiếp",
        DossierChannel.OnlinePartial => "Trực tuyến một phần",
        DossierChannel.OnlineFull => "Trực tuyến toàn trình",
        DossierChannel.Postal => "Qua bưu chính công ích",
        _ => channel.ToString(),
    };
}
