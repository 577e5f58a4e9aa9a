using System.Globalization;
using CitizenBot.Core.Commune;
using CsvHelper;
using MiniExcelLibs;

namespace CitizenBot.Core.Reception;

/// <summary>A day's bookings as CSV (UTF-8 with BOM, so Excel shows Vietnamese) or XLSX, in slot order.</summary>
public sealed class BookingExport(ReceptionBook bookings, CommuneClock clock)
{
    private static readonly string[] Columns = ["Giờ", "Mã lịch hẹn", "Họ tên", "Điện thoại", "Nội dung", "Chi tiết", "Buổi tiếp", "Trạng thái"];

    public byte[] Csv(DateOnly date)
    {
        using var stream = new MemoryStream();
        // A citizen's text starting with "=" must not run as a formula when an officer opens the file.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var row in Rows(date))
            {
                csv.WriteRecord(row);
            }
        }

        return stream.ToArray();
    }

    public byte[] Xlsx(DateOnly date)
    {
        using var stream = new MemoryStream();
        var rows = Rows(date).Select(r => Columns.Zip(r).ToDictionary(c => c.First, c => (object)c.Second));
        stream.SaveAs(rows, sheetName: date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        return stream.ToArray();
    }

    public static string FileName(DateOnly date, string extension) => $"lich-tiep-cong-dan-{date:yyyy-MM-dd}.{extension}";

    public static string StatusLabel(BookingStatus status) => status switch
    {
        BookingStatus.Attended => "Có mặt",
        BookingStatus.NoShow => "Vắng mặt",
        BookingStatus.Cancelled => "Đã hủy",
        _ => "Đã đặt",
    };

    private List<string[]> Rows(DateOnly date) =>
        [.. bookings.OnDate(date).Select(b => new[]
        {
            clock.ToLocal(b.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
            b.Code, b.Name, b.Phone, ReceptionTopics.Label(b.Topic), b.Details, b.DayTitle, StatusLabel(b.Status),
        })];
}
