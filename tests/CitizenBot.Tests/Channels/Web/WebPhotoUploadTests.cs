using System.Net.Http.Headers;
using CitizenBot.Channels.Web;
using CitizenBot.Channels.Web.Photos;
using CitizenBot.Dialogs.Engine;
using Microsoft.AspNetCore.Http;

namespace CitizenBot.Tests.Channels.Web;

/// <summary>What the web chat's photo and location endpoints accept, and the polite refusals of what they do not.</summary>
public sealed class WebPhotoUploadTests
{
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] WebP = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8];
    private static readonly byte[] Gif = [.. "GIF89a"u8, 1, 0, 1, 0];
    private readonly WebChatLimits _limits = new() { MaxPhotoMegabytes = 1 };

    [Fact]
    public void A_photo_is_known_by_its_first_bytes_jpeg_png_and_webp_only()
    {
        Assert.Equal("image/jpeg", PhotoKind.Of(Jpeg));
        Assert.Equal("image/png", PhotoKind.Of(Png));
        Assert.Equal("image/webp", PhotoKind.Of(WebP));
        Assert.Null(PhotoKind.Of(Gif));
        Assert.Null(PhotoKind.Of("%PDF-1.7"u8));
        Assert.Null(PhotoKind.Of("RIFF\0\0\0\0WAVE"u8));
        Assert.Null(PhotoKind.Of([]));
    }

    [Fact]
    public async Task A_jpeg_is_received_with_its_type_and_the_pages_last_message()
    {
        var received = await WebPhotoUpload.ReadAsync(Request(Jpeg, "anh.jpg", "image/jpeg", after: "42"), _limits, CancellationToken.None);

        Assert.Null(received.Refusal);
        Assert.Equal("image/jpeg", received.ContentType);
        Assert.Equal(Jpeg, received.Content);
        Assert.Equal(42, received.After);
    }

    [Fact]
    public async Task A_file_that_only_claims_to_be_a_photo_is_refused_politely()
    {
        var received = await WebPhotoUpload.ReadAsync(Request("MZ\x90\0 not an image"u8.ToArray(), "anh.jpg", "image/jpeg"), _limits, CancellationToken.None);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, received.Status);
        Assert.Equal(WebChatTexts.NotAPhoto, received.Refusal);
        Assert.Contains("Xin lỗi ông/bà", received.Refusal, StringComparison.Ordinal);
        Assert.Null(received.Content);
    }

    [Fact]
    public async Task A_photo_over_the_limit_is_refused_with_the_limit_in_megabytes()
    {
        var big = new byte[(int)_limits.MaxPhotoBytes + 1];
        Jpeg.CopyTo(big, 0);

        var received = await WebPhotoUpload.ReadAsync(Request(big, "lon.jpg", "image/jpeg"), _limits, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, received.Status);
        Assert.Equal(WebChatTexts.TooLarge(1), received.Refusal);
        Assert.Contains("tối đa 1 MB", received.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_photo_asks_to_choose_one()
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream("{}"u8.ToArray());

        var received = await WebPhotoUpload.ReadAsync(http, _limits, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, received.Status);
        Assert.Equal(WebChatTexts.NoPhoto, received.Refusal);
    }

    [Theory]
    [InlineData(double.NaN, 105.7)]
    [InlineData(19.8, double.PositiveInfinity)]
    [InlineData(91.0, 105.7)]
    [InlineData(19.8, 200.0)]
    [InlineData(19.8, null)]
    [InlineData(null, 105.7)]
    public void A_browser_location_that_is_not_a_place_is_refused(double? latitude, double? longitude)
    {
        var (input, refusal) = WebChatEndpoints.ToInput(new WebChatEndpoints.SendRequest(null, null, 0, latitude, longitude), "web-ip:127.0.0.1");

        Assert.Null(input);
        Assert.Equal(WebChatTexts.NotAPlace, refusal);
    }

    [Fact]
    public void A_browser_location_becomes_the_turns_place()
    {
        var (input, refusal) = WebChatEndpoints.ToInput(new WebChatEndpoints.SendRequest(null, null, 0, 19.8071, 105.7852), "web-ip:127.0.0.1");

        Assert.Null(refusal);
        Assert.Equal(GeoPoint.Of(19.8071, 105.7852), input!.Location);
        Assert.Null(input.Text);
        Assert.Equal("web-ip:127.0.0.1", input.SenderKey);
    }

    [Fact]
    public void A_place_is_only_made_of_finite_numbers_on_earth()
    {
        Assert.True(GeoPoint.TryCreate(-90, 180, out var pole));
        Assert.Equal((-90.0, 180.0), (pole.Latitude, pole.Longitude));
        Assert.False(GeoPoint.TryCreate(double.NaN, 0, out _));
        Assert.False(GeoPoint.TryCreate(0, -180.0001, out _));
        Assert.Null(GeoPoint.Of(90.5, 0));
    }

    private static DefaultHttpContext Request(byte[] content, string fileName, string contentType, string after = "0")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "photo", fileName);
        form.Add(new StringContent(after), "after");
        var body = new MemoryStream();
        form.CopyTo(body, null, CancellationToken.None);
        body.Position = 0;
        var http = new DefaultHttpContext();
        http.Request.ContentType = form.Headers.ContentType!.ToString();
        http.Request.ContentLength = body.Length;
        http.Request.Body = body;
        return http;
    }
}
