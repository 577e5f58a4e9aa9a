using CitizenBot.Core.Dossiers;
using ScottPlot;

namespace CitizenBot.Core.Summaries;

/// <summary>The summary's chart: dossiers by channel and outcome, and ratings by level, as a PNG (ScottPlot).</summary>
public static class SummaryChart
{
    /// <summary>Fonts with Vietnamese letters, tried in order; the first found is used for every label.</summary>
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    ];

    private static string? _font;

    /// <summary>Renders one chart at a time: ScottPlot's shared font cache is not safe for concurrent first use.</summary>
    public static byte[] Render(CommuneSummary s)
    {
        lock (RenderLock)
        {
            return RenderChart(s);
        }
    }

    private static readonly Lock RenderLock = new();

    private static byte[] RenderChart(CommuneSummary s)
    {
        var d = s.Dossiers;
        var plot = new Plot();
        var font = Font();
        if (font is not null)
        {
            plot.Font.Set(font);
        }

        (string Label, double Value, Color Color)[] bars =
        [
            ("Trực tiếp", d.ByChannel.GetValueOrDefault(DossierChannel.Direct), Colors.SteelBlue),
            ("Trực tuyến\nmột phần", d.ByChannel.GetValueOrDefault(DossierChannel.OnlinePartial), Colors.SteelBlue),
            ("Trực tuyến\ntoàn trình", d.ByChannel.GetValueOrDefault(DossierChannel.OnlineFull), Colors.SteelBlue),
            ("Bưu chính", d.ByChannel.GetValueOrDefault(DossierChannel.Postal), Colors.SteelBlue),
            ("Đúng hạn", d.ResolvedOnTime, Colors.SeaGreen),
            ("Quá hạn", d.ResolvedLate, Colors.IndianRed),
            ("Đang\ngiải quyết", d.InProgress + d.AwaitingSupplement, Colors.Orange),
        ];
        var ticks = new List<Tick>();
        var columns = new List<Bar>();
        for (var i = 0; i < bars.Length; i++)
        {
            columns.Add(new Bar { Position = i, Value = bars[i].Value, FillColor = bars[i].Color, Label = Commune.VietnameseFormat.Number((long)bars[i].Value) });
            ticks.Add(new Tick(i, bars[i].Label));
        }

        var plotted = plot.Add.Bars(columns);
        plotted.ValueLabelStyle.FontSize = 13;
        plotted.ValueLabelStyle.Bold = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => value.ToString("#,0", Commune.VietnameseFormat.Culture),
            IntegerTicksOnly = true,
        };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title($"Hồ sơ thủ tục hành chính {s.Period.Title}");
        plot.YLabel("Số hồ sơ");
        return plot.GetImageBytes(900, 450, ImageFormat.Png);
    }

    private static string? Font()
    {
        // Called under the render lock.
        if (_font is null && FontFiles.FirstOrDefault(File.Exists) is { } file)
        {
            _font = "CitizenBot " + Path.GetFileNameWithoutExtension(file);
            Fonts.AddFontFile(_font, file);
        }

        return _font;
    }
}
