using CitizenBot.Host.Configuration;
using Microsoft.AspNetCore.Http.Features;

namespace CitizenBot.Host.Officer;

/// <summary>
/// Reads an import endpoint's raw body (a CSV or XLSX file posted by the CLI or a script) under <see cref="HostSettings.MaxImportMegabytes"/>:
/// Kestrel is held to the same limit as the app, so one setting decides and the caller gets a Vietnamese 413, not a bare one.
/// </summary>
public static class UploadBody
{
    /// <summary>The body's bytes, or the 413 answer to return when it is over the limit.</summary>
    public static async Task<(byte[]? Content, IResult? TooLarge)> ReadAsync(HttpContext http, HostSettings settings)
    {
        var limit = settings.MaxImportMegabytes * 1024L * 1024L;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength > limit)
        {
            return (null, TooLarge(settings));
        }

        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(settings));
        }
    }

    /// <summary>
    /// A console page's uploaded import file (a form field): its bytes and its name as shown to officers, or null with the
    /// reason written next to the field (none chosen, over the limit).
    /// </summary>
    public static async Task<(byte[] Content, string FileName)?> ReadFormAsync(IFormFile? upload, HostSettings settings, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string field, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            state.AddModelError(field, "Xin chọn tệp CSV hoặc Excel (.xlsx) cần nhập.");
            return null;
        }

        if (upload.Length > settings.MaxImportMegabytes * 1024L * 1024L)
        {
            state.AddModelError(field, TooLargeText(settings));
            return null;
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var fileName = string.IsNullOrWhiteSpace(upload.FileName) ? "(không tên)" : Path.GetFileName(upload.FileName.Trim());
        return (buffer.ToArray(), fileName.Length > 200 ? fileName[..200] : fileName);
    }

    /// <summary>The size refusal, the same words as the console's upload field.</summary>
    public static string TooLargeText(HostSettings settings) =>
        $"Tệp quá lớn (tối đa {settings.MaxImportMegabytes} MB). Xin chia tệp thành nhiều tệp nhỏ hơn rồi nhập lần lượt.";

    private static IResult TooLarge(HostSettings settings) => Results.Json(new { error = TooLargeText(settings) }, statusCode: StatusCodes.Status413PayloadTooLarge);
}
