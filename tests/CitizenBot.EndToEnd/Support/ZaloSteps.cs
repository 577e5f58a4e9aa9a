using System.Text.RegularExpressions;

namespace CitizenBot.EndToEnd.Support;

/// <summary>Conversations on Zalo as a citizen goes through them.</summary>
public static partial class ZaloSteps
{
    /// <summary>From the menu: books 07:30 on 10/12/2026 with the phone from Zalo's information form; returns the booking code.</summary>
    public static async Task<string> BookAsync(this FakeZaloServer zalo, string user)
    {
        await zalo.PressAsync(user, "Đặt lịch tiếp công dân");
        await zalo.WaitForAsync(user, "Mời ông/bà chọn ngày");
        await zalo.PressAsync(user, "10/12/2026");
        await zalo.WaitForAsync(user, "Mời ông/bà chọn giờ");
        await zalo.PressAsync(user, "07:30–");
        await zalo.WaitForAsync(user, "trình bày về việc gì");
        await zalo.PressAsync(user, "Đất đai");
        await zalo.WaitForAsync(user, "nói ngắn gọn nội dung");
        await zalo.SendTextAsync(user, "Hỏi về thủ tục tách thửa đất");
        await zalo.WaitForAsync(user, "họ và tên");
        await zalo.SendTextAsync(user, "Nguyễn Văn An");
        await zalo.WaitForAsync(user, "số điện thoại để cán bộ liên hệ");

        // Zalo's information form follows the question: the citizen shares the number without typing it.
        await UntilAsync(() => zalo.SentTo(user).Any(m => m.IsPhoneForm));
        await zalo.SubmitInfoAsync(user, "Nguyễn Văn An", "84912345678");
        var confirm = await zalo.WaitForAsync(user, "kiểm tra lại thông tin đặt lịch");
        Assert.Contains("0912345678", confirm.Text, StringComparison.Ordinal);
        await zalo.PressAsync(user, "✅ Có");
        var booked = await zalo.WaitForAsync(user, "Đã đặt lịch thành công");
        await zalo.WaitForAsync(user, "cần giúp gì thêm");
        return BookingCode().Match(booked.Text).Value;
    }

    /// <summary>From the menu: a complaint about land in Thôn Một with a photo at this address and a location; returns the question for the location and the summary.</summary>
    public static async Task<(ZaloSent AskLocation, ZaloSent Summary)> PetitionAsync(this FakeZaloServer zalo, string user, string photoUrl)
    {
        await zalo.PressAsync(user, "Gửi kiến nghị, phản ánh");
        await zalo.WaitForAsync(user, "loại đơn nào");
        await zalo.PressAsync(user, "Khiếu nại");
        await zalo.WaitForAsync(user, "lĩnh vực nào");
        await zalo.PressAsync(user, "Đất đai");
        await zalo.WaitForAsync(user, "thôn nào");
        await zalo.PressAsync(user, "Thôn Một");
        await zalo.WaitForAsync(user, "trình bày nội dung");
        await zalo.SendTextAsync(user, "Đề nghị xem xét lại việc cấp giấy chứng nhận quyền sử dụng đất cho thửa đất số 12.");
        await zalo.WaitForAsync(user, "ảnh kèm theo không");
        await zalo.SendImageAsync(user, photoUrl);
        var askLocation = await zalo.WaitForAsync(user, "gửi vị trí");
        await zalo.SendLocationAsync(user, 19.8071, 105.7852);
        await zalo.WaitForAsync(user, "họ và tên");
        await zalo.SendTextAsync(user, "Nguyễn Văn An");
        await zalo.WaitForAsync(user, "số điện thoại");
        await zalo.SendTextAsync(user, "0912345678");
        var summary = await zalo.WaitForAsync(user, "kiểm tra lại đơn");
        await zalo.PressAsync(user, "✅ Có");
        await zalo.WaitForAsync(user, "đã tiếp nhận đơn");
        return (askLocation, summary);
    }

    [GeneratedRegex("LH-[A-Z0-9]{6}")]
    private static partial Regex BookingCode();

    public static async Task MenuAsync(this FakeZaloServer zalo, string user)
    {
        var before = zalo.SentTo(user).Count(m => m.Text.Contains("cần giúp gì", StringComparison.Ordinal));
        await zalo.SendTextAsync(user, "menu");
        await zalo.WaitForAsync(user, "cần giúp gì", skip: before);
    }

    public static async Task FollowDossierAsync(this FakeZaloServer zalo, string user, string code, string lastDigits)
    {
        await zalo.MenuAsync(user);
        await zalo.PressAsync(user, "Tra cứu hồ sơ");
        await zalo.WaitForAsync(user, "Mời ông/bà nhập mã hồ sơ");
        await zalo.SendTextAsync(user, code);
        await zalo.WaitForAsync(user, "📄 Hồ sơ " + code);
        await zalo.PressAsync(user, "Theo dõi");
        await zalo.WaitForAsync(user, "4 số cuối");
        await zalo.SendTextAsync(user, lastDigits);
        await zalo.WaitForAsync(user, "Đã đăng ký theo dõi hồ sơ " + code);
    }

    public static async Task SubscribeAsync(this FakeZaloServer zalo, string user, string village)
    {
        await zalo.MenuAsync(user);
        await zalo.PressAsync(user, "Nhận thông báo của thôn");
        await zalo.WaitForAsync(user, "chưa đăng ký nhận thông báo");
        await zalo.PressAsync(user, village);
        await zalo.WaitForAsync(user, "Đã đăng ký nhận thông báo của " + village);
    }

    public static async Task UntilAsync(Func<bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(20);
        }
    }
}
