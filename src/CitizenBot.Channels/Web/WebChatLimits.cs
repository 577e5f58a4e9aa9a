using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Channels.Web;

/// <summary>
/// What one client address may ask of the web chat. Generous for a household behind one address; far below what
/// walking codes or flooding the database takes.
/// </summary>
public sealed record WebChatLimits
{
    /// <summary>Conversations one address may start in an hour (Limits:WebConversationsPerHour).</summary>
    public int ConversationsPerHour { get; init; } = 30;

    /// <summary>Messages and button presses one address may send in a minute (Limits:WebTurnsPerMinute).</summary>
    public int TurnsPerMinute { get; init; } = 60;

    /// <summary>History and file reads one address may make in a minute (Limits:WebReadsPerMinute); an open page polls 15 times a minute.</summary>
    public int ReadsPerMinute { get; init; } = 240;

    /// <summary>Photos one address may send in an hour (Limits:WebPhotosPerHour).</summary>
    public int PhotosPerHour { get; init; } = 30;

    /// <summary>The largest photo accepted, in MB (Web:MaxPhotoMegabytes).</summary>
    public int MaxPhotoMegabytes { get; init; } = 10;

    public long MaxPhotoBytes => MaxPhotoMegabytes * 1024L * 1024L;
}

/// <summary>ASP.NET Core's rate limiter, partitioned by the client's address, on the web chat's endpoints.</summary>
public static class WebChatRateLimiting
{
    public const string StartPolicy = "web-chat-start";
    public const string TurnPolicy = "web-chat-turn";
    public const string ReadPolicy = "web-chat-read";
    public const string PhotoPolicy = "web-chat-photo";

    public static string TooManyRequests(int minutes) =>
        $"Xin lỗi ông/bà, từ địa chỉ mạng này đã có quá nhiều yêu cầu trong thời gian ngắn. Xin ông/bà vui lòng đợi {minutes} phút rồi thử lại; "
        + "nếu cần gấp, xin liên hệ Bộ phận Một cửa UBND xã.";

    /// <summary>Registers the four per-address policies; the limits are read from the container, so a host or a test may replace them.</summary>
    public static IServiceCollection AddWebChatLimits(this IServiceCollection services, WebChatLimits limits)
    {
        services.AddSingleton(limits);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<WebChatLimits>((options, current) =>
        {
            options.AddPolicy(StartPolicy, new PerClientPolicy(current.ConversationsPerHour, TimeSpan.FromHours(1)));
            options.AddPolicy(TurnPolicy, new PerClientPolicy(current.TurnsPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(ReadPolicy, new PerClientPolicy(current.ReadsPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(PhotoPolicy, new PerClientPolicy(current.PhotosPerHour, TimeSpan.FromHours(1)));
        });
        return services;
    }

    /// <summary>A fixed window per client address; behind a reverse proxy the address is the proxy's unless forwarded headers are trusted.</summary>
    private sealed class PerClientPolicy(int permits, TimeSpan window) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

        /// <summary>A 429 with a short Vietnamese message the page shows as the bot's own words.</summary>
        private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            await response.WriteAsJsonAsync(new { error = TooManyRequests(minutes) }, ct);
        }
    }
}
