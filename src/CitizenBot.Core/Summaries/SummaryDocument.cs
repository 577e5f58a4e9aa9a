using System.Net;
using System.Text;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;

namespace CitizenBot.Core.Summaries;

/// <summary>The summary as a printable HTML file (A4, opens in any browser, no PDF tool needed) with its chart inside.</summary>
public static class SummaryDocument
{
    /// <summary>What a leader receives: the summary as a chat message, then the printable file.</summary>
    public static IReadOnlyList<OutgoingMessage> Messages(CommuneSummary s, CommuneClock clock) =>
        [new OutgoingMessage(SummaryTexts.Chat(s, clock)), OutgoingMessage.Document($"🖨 {SummaryTexts.Title(s)} – bản in", File(s, clock))];

    public static FileAttachment File(CommuneSummary s, CommuneClock clock) =>
        new($"bao-cao-tong-hop-{s.Period.From:yyyyMMdd}-{s.Period.To:yyyyMMdd}.html", "text/html", Encoding.UTF8.GetBytes(Html(s, clock)));

    /// <summary>
    /// The printable page's one inline style block, the same in every summary, so the console can serve the page in a tab
    /// with the block allowed by its hash in the Content-Security-Policy.
    /// </summary>
    public const string StyleBlock = "<style>"
        + "@page{size:A4;margin:18mm}body{font-family:'Times New Roman',serif;font-size:13pt;line-height:1.45;color:#000;max-width:800px;margin:auto}"
        + "header{display:flex;justify-content:space-between;text-align:center;font-weight:bold}h1{text-align:center;font-size:15pt;margin:24px 0 4px}"
        + ".period{text-align:center;font-style:italic;margin-bottom:18px}h2{font-size:13pt;margin:16px 0 4px}p{margin:2px 0;text-align:justify}"
        + "img{display:block;max-width:100%;margin:12px auto}footer{margin-top:24px;font-size:11pt;font-style:italic}"
        + "</style>";

    public static string Html(CommuneSummary s, CommuneClock clock)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(SummaryTexts.Title(s))).Append("</title>").Append(StyleBlock).Append("</head><body>");
        html.Append("<header><div>").Append(Encode(s.Commune.ToUpper(VietnameseFormat.Culture)))
            .Append("</div><div>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</div></header>");
        html.Append("<h1>").Append(Encode(SummaryTexts.Title(s))).Append("</h1>");
        var lines = SummaryTexts.Lines(s, clock).Skip(3).ToList();
        foreach (var line in lines.Take(lines.Count - 1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var isHeading = char.IsAsciiDigit(line[0]) && line.Length > 1 && line[1] == '.';
            html.Append(isHeading ? "<h2>" : "<p>").Append(Encode(line)).Append(isHeading ? "</h2>" : "</p>");
            if (line.StartsWith("1.", StringComparison.Ordinal))
            {
                html.Append("<img alt=\"Biểu đồ hồ sơ thủ tục hành chính\" src=\"data:image/png;base64,")
                    .Append(Convert.ToBase64String(SummaryChart.Render(s))).Append("\">");
            }
        }

        html.Insert(html.ToString().IndexOf("<h2>", StringComparison.Ordinal), $"<div class=\"period\">Từ ngày {VietnameseFormat.Date(s.Period.From)} đến ngày {VietnameseFormat.Date(s.Period.To)}</div>");
        html.Append("<footer>").Append(Encode(lines[^1].Replace(" Bản in kèm theo (mở bằng trình duyệt).", "", StringComparison.Ordinal))).Append("</footer></body></html>");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
