using System.Net;
using CitizenBot.Channels.Zalo;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Tests.Channels.Zalo;

/// <summary>Which Zalo photo addresses are fetched, and the caps on what comes back.</summary>
public sealed class ZaloPhotoSourceTests
{
    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler, IHttpClientFactory
    {
        public List<Uri> Asked { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked.Add(request.RequestUri!);
            return Task.FromResult(answer(request));
        }
    }

    private static HttpResponseMessage Image(int bytes, string type = "image/jpeg") => new(HttpStatusCode.OK)
    {
        Content = new ByteArrayContent(new byte[bytes]) { Headers = { ContentType = new(type) } },
    };

    private static ZaloPhotoSource Source(Answering http) =>
        new(http, new ZaloOptions { ApiBaseUrl = "https://openapi.zalo.me" }, NullLogger<ZaloPhotoSource>.Instance);

    [Fact]
    public async Task An_https_image_is_fetched_with_its_type()
    {
        var http = new Answering(_ => Image(300));

        var photo = await Source(http).OpenAsync("zalo:https://photo-stal.zadn.vn/a.jpg", CancellationToken.None);

        Assert.Equal(300, photo!.Content.Length);
        Assert.Equal("image/jpeg", photo.ContentType);
    }

    [Theory]
    [InlineData("zalo:http://photo-stal.zadn.vn/a.jpg")]
    [InlineData("zalo:file:///etc/passwd")]
    [InlineData("zalo:http://127.0.0.1:8080/officer")]
    [InlineData("zalo:not an address")]
    public async Task Anything_but_an_https_address_is_not_even_asked_for(string reference)
    {
        var http = new Answering(_ => Image(10));

        Assert.Null(await Source(http).OpenAsync(reference, CancellationToken.None));
        Assert.Empty(http.Asked);
    }

    [Fact]
    public async Task Too_large_or_not_an_image_or_refused_shows_nothing()
    {
        Assert.Null(await Source(new Answering(_ => Image((int)ZaloPhotoSource.MaxPhotoBytes + 1))).OpenAsync("zalo:https://f.zadn.vn/big.jpg", CancellationToken.None));
        Assert.Null(await Source(new Answering(_ => Image(10, "text/html"))).OpenAsync("zalo:https://f.zadn.vn/page", CancellationToken.None));
        Assert.Null(await Source(new Answering(_ => new HttpResponseMessage(HttpStatusCode.NotFound))).OpenAsync("zalo:https://f.zadn.vn/gone.jpg", CancellationToken.None));
    }
}
