using System.Net.Http.Headers;
using CitizenBot.Core.Petitions;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// Petition photos sent on Zalo: the reference is "zalo:" and the address Zalo gave in the event; the console's petition
/// page fetches it on demand (nothing is copied). Only https addresses are fetched (in tests, also the configured Zalo
/// API's own origin, the fake server), only images, at most <see cref="MaxPhotoBytes"/>, within <see cref="FetchTimeout"/>.
/// No address is ever logged: it names the citizen's photo.
/// </summary>
public sealed class ZaloPhotoSource(IHttpClientFactory clients, ZaloOptions options, ILogger<ZaloPhotoSource> logger) : IPetitionPhotoSource
{
    public const string ReferencePrefix = "zalo:";

    public const string HttpClientName = "zalo-photos";

    /// <summary>Zalo's own limit for an image a user sends is lower; this keeps a wrong address from filling memory.</summary>
    public const long MaxPhotoBytes = 10 * 1024 * 1024;

    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(15);

    public string Prefix => ReferencePrefix;

    /// <summary>The petition reference of an attachment Zalo sent at this address.</summary>
    public static string ReferenceOf(string url) => ReferencePrefix + url;

    /// <summary>The address in a reference, or null when it is not one this source would fetch.</summary>
    public Uri? AddressOf(string reference)
    {
        if (!reference.StartsWith(ReferencePrefix, StringComparison.Ordinal)
            || !Uri.TryCreate(reference[ReferencePrefix.Length..], UriKind.Absolute, out var url))
        {
            return null;
        }

        return url.Scheme == Uri.UriSchemeHttps || Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) && SameOrigin(url, api)
            ? url
            : null;
    }

    public async Task<PetitionPhoto?> OpenAsync(string reference, CancellationToken ct)
    {
        if (AddressOf(reference) is not { } url)
        {
            logger.LogWarning("A Zalo petition photo reference is not an https address; it is not fetched");
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            var http = clients.CreateClient(HttpClientName);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Zalo answered {Status} for a petition photo", (int)response.StatusCode);
                return null;
            }

            if (response.Content.Headers.ContentType?.MediaType is not { } type || !type.StartsWith("image/", StringComparison.Ordinal)
                || response.Content.Headers.ContentLength > MaxPhotoBytes)
            {
                logger.LogWarning("A Zalo petition photo was not an image within {Max} bytes; not shown", MaxPhotoBytes);
                return null;
            }

            var content = await ReadCappedAsync(response.Content, timeout.Token);
            if (content is null)
            {
                logger.LogWarning("A Zalo petition photo was larger than {Max} bytes; not shown", MaxPhotoBytes);
                return null;
            }

            return new PetitionPhoto(content, new MediaTypeHeaderValue(type).MediaType!);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("A Zalo petition photo did not arrive within {Seconds} s", FetchTimeout.TotalSeconds);
            return null;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("A Zalo petition photo could not be fetched: {Error}", ex.HttpRequestError);
            return null;
        }
    }

    /// <summary>The body, or null once it passes the cap (a server may send more than it announced).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent body, CancellationToken ct)
    {
        await using var stream = await body.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxPhotoBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
