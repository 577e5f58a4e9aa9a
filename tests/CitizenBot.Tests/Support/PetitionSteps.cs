using CitizenBot.Core.Messaging;

namespace CitizenBot.Tests.Support;

/// <summary>The petition conversation as a citizen goes through it.</summary>
public static class PetitionSteps
{
    public const string Content = "Đoạn đường liên thôn qua Thôn Một bị sụt lún từ tháng trước, xe máy đi lại rất nguy hiểm, đề nghị xã sửa chữa.";

    /// <summary>Up to the summary; <paramref name="kind"/> is a label part ("Kiến nghị", "Khiếu nại", "Tố cáo").</summary>
    public static async Task<List<OutgoingMessage>> PetitionUpToConfirmAsync(this BotHarness bot, ChatAddress who, string kind, bool anonymous = false)
    {
        await bot.SayAsync("menu", who);
        await bot.PressAsync("Gửi kiến nghị, phản ánh", who);
        await bot.PressAsync(kind, who);
        await bot.PressAsync("Giao thông, điện, nước", who);
        await bot.PressAsync("Thôn Một", who);
        await bot.SayAsync(Content, who);
        await bot.PressAsync("Bỏ qua", who);
        var atLocation = await bot.PressAsync("Bỏ qua", who);
        if (kind.StartsWith("Kiến nghị", StringComparison.Ordinal))
        {
            if (anonymous)
            {
                return await bot.PressAsync("Gửi ẩn danh", who);
            }

            await bot.PressAsync("Để lại họ tên", who);
        }
        else
        {
            atLocation.ShouldSay("cần có họ tên");
        }

        await bot.SayAsync("Trần Văn Bình", who);
        return await bot.SayAsync("0987 111 222", who);
    }

    public static async Task<string> SubmitPetitionAsync(this BotHarness bot, ChatAddress who, string kind, bool anonymous = false)
    {
        await bot.PetitionUpToConfirmAsync(who, kind, anonymous);
        var replies = await bot.PressAsync("✅ Có", who);
        replies.ShouldSay("đã tiếp nhận đơn");
        return System.Text.RegularExpressions.Regex.Match(replies.AllText(), "(KN|KH|TC)-[A-Z0-9]{6}").Value;
    }
}
