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

    /// <summary>The words one-stop desks' software writes, folded (no diacritics, lower case).</summary>
    private static readonly Dictionary<string, DossierStatus> VietnameseStatuses = new()
    {
        ["da tiep nhan"] = DossierStatus.Received,
        ["tiep nhan"] = DossierStatus.Received,
        ["moi tiep nhan"] = DossierStatus.Received,
        ["dang xu ly"] = DossierStatus.InProgress,
        ["dang giai quyet"] = DossierStatus.InProgress,
        ["dang thu ly"] = DossierStatus.InProgress,
        ["cho bo sung"] = DossierStatus.AwaitingSupplement,
        ["cho bo sung ho so"] = DossierStatus.AwaitingSupplement,
        ["cho bo sung giay to"] = DossierStatus.AwaitingSupplement,
        ["yeu cau bo sung"] = DossierStatus.AwaitingSupplement,
        ["da tra ket qua"] = DossierStatus.Resolved,
        ["da giai quyet"] = DossierStatus.Resolved,
        ["da co ket qua"] = DossierStatus.Resolved,
        ["hoan thanh"] = DossierStatus.Resolved,
        ["da hoan thanh"] = DossierStatus.Resolved,
        ["tra lai"] = DossierStatus.Returned,
        ["da tra lai"] = DossierStatus.Returned,
        ["tra lai ho so"] = DossierStatus.Returned,
        ["da tra lai ho so"] = DossierStatus.Returned,
        ["tu choi"] = DossierStatus.Returned,
        ["rut ho so"] = DossierStatus.Withdrawn,
        ["da rut"] = DossierStatus.Withdrawn,
        ["da rut ho so"] = DossierStatus.Withdrawn,
        ["cong dan rut ho so"] = DossierStatus.Withdrawn,
        ["cong dan da xin rut ho so"] = DossierStatus.Withdrawn,
    };

    private static readonly Dictionary<string, DossierChannel> VietnameseChannels = new()
    {
        ["truc tiep"] = DossierChannel.Direct,
        ["nop truc tiep"] = DossierChannel.Direct,
        ["tai bo phan mot cua"] = DossierChannel.Direct,
        ["truc tuyen mot phan"] = DossierChannel.OnlinePartial,
        ["dich vu cong truc tuyen mot phan"] = DossierChannel.OnlinePartial,
        ["truc tuyen toan trinh"] = DossierChannel.OnlineFull,
        ["toan trinh"] = DossierChannel.OnlineFull,
        ["dich vu cong truc tuyen toan trinh"] = DossierChannel.OnlineFull,
        ["buu chinh"] = DossierChannel.Postal,
        ["buu chinh cong ich"] = DossierChannel.Postal,
        ["qua buu chinh"] = DossierChannel.Postal,
        ["qua buu chinh cong ich"] = DossierChannel.Postal,
        ["qua buu dien"] = DossierChannel.Postal,
        ["buu dien"] = DossierChannel.Postal,
    };

    /// <summary>The words named in an error: the Vietnamese ones first, then the English names scripts use.</summary>
    public static IReadOnlyList<string> StatusWords =>
        ["Đã tiếp nhận", "Đang xử lý", "Chờ bổ sung", "Đã trả kết quả", "Trả lại", "Rút hồ sơ", .. CsvStatuses.Keys];

    public static IReadOnlyList<string> ChannelWords =>
        ["Trực tiếp", "Trực tuyến một phần", "Trực tuyến toàn trình", "Bưu chính", .. CsvChannels.Keys];

    public static IReadOnlyCollection<string> StatusNames => CsvStatuses.Keys;

    public static IReadOnlyCollection<string> ChannelNames => CsvChannels.Keys;

    public static bool TryParseStatus(string? value, out DossierStatus status) =>
        CsvStatuses.TryGetValue(value?.Trim() ?? "", out status) || VietnameseStatuses.TryGetValue(DossierFile.FoldHeader(value), out status);

    public static bool TryParseChannel(string? value, out DossierChannel channel) =>
        CsvChannels.TryGetValue(value?.Trim() ?? "", out channel) || VietnameseChannels.TryGetValue(DossierFile.FoldHeader(value), out channel);

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
