namespace CitizenBot.EndToEnd.Support;

/// <summary>Conversations on Zalo as a citizen goes through them.</summary>
public static class ZaloSteps
{
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
