using System.Globalization;
using Humanizer;

namespace CitizenBot.Core.Commune;

/// <summary>Dates, numbers and distances as a Vietnamese reader expects them.</summary>
public static class VietnameseFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly string[] Weekdays = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateWithWeekday(DateOnly date) => $"{Weekdays[(int)date.DayOfWeek]}, {Date(date)}";

    public static string Number(long value) => value.ToString("#,0", Culture);

    /// <summary>"3 ngày", "1 ngày": a whole number of days through Humanizer's Vietnamese resources.</summary>
    public static string Days(int days) => TimeSpan.FromDays(Math.Abs(days)).Humanize(culture: Culture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Day);

    /// <summary>"4 giờ", "1 ngày 2 giờ": a waiting time through Humanizer's Vietnamese resources, to the minute.</summary>
    public static string Duration(TimeSpan span) =>
        span.Duration().Humanize(precision: 2, culture: Culture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute);

    /// <summary>How far a due date is from today: "còn 3 ngày", "hôm nay là hạn cuối", "đã quá hạn 2 ngày".</summary>
    public static string DueDistance(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            > 0 => $"còn {Days(days)}",
            0 => "hôm nay là hạn trả kết quả",
            _ => $"đã quá hạn {Days(days)}",
        };
    }
}
