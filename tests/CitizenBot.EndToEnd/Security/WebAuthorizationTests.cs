using System.Net;
using CitizenBot.EndToEnd.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.EndToEnd.Security;

/// <summary>Every officer endpoint and the Hangfire dashboard refuse anyone without the officer login.</summary>
public sealed class WebAuthorizationTests : IAsyncLifetime
{
    private readonly TempDataDir _dir = new();
    private RunningBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync(_dir.Path, telegram: null);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    private List<(string Method, string Path)> OfficerEndpoints() =>
        [.. _bot.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/officer/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), @"\{(\w+)(:\w+)?\}", p => p.Groups[1].Value switch
                {
                    "tag" => "Q-0000",
                    "code" => "LH-AAAAAA",
                    _ => "1",
                }))))];

    [Fact]
    public async Task Every_officer_endpoint_refuses_a_request_without_the_officer_login()
    {
        var endpoints = OfficerEndpoints();
        Assert.True(endpoints.Count >= 12, $"Only {endpoints.Count} officer endpoints found.");
        using var anonymous = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        using var wrong = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        wrong.DefaultRequestHeaders.Add("X-Officer-Token", "not-the-token");

        foreach (var (method, path) in endpoints)
        {
            foreach (var client in new[] { anonymous, wrong })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                var response = await client.SendAsync(request);
                // A wrong token, tried again and again, meets the wrong-login limit: refused all the same.
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized || (client == wrong && response.StatusCode == HttpStatusCode.TooManyRequests),
                    $"{method} {path} answered {(int)response.StatusCode} without the officer login.");
            }
        }
    }

    [Fact]
    public async Task The_hangfire_dashboard_needs_the_officer_login()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_bot.BaseUrl) };
        var response = await anonymous.GetAsync("/hangfire");
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"/hangfire answered {(int)response.StatusCode}");

        using var officer = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        officer.DefaultRequestHeaders.Add("X-Officer-Token", _bot.OfficerToken);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/officer/api/questions")).StatusCode);
    }

    [Fact]
    public void The_web_host_listens_on_loopback_only()
    {
        Assert.All(_bot.App.Urls, url => Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal));
    }
}
