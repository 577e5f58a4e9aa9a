using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CitizenBot.EndToEnd.Support;

/// <summary>The fake Bot API must itself behave like Telegram, or end-to-end tests fail for reasons of its own.</summary>
public sealed class FakeBotApiServerTests
{
    [Fact]
    public async Task Updates_injected_from_many_threads_are_all_returned_in_id_order_to_a_reader_confirming_by_offset()
    {
        const int Writers = 8;
        const int PerWriter = 2500;
        await using var telegram = await FakeBotApiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(telegram.BaseUrl) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // The reader is already polling when the writers start, and the writers pause now and then, so the two interleave.
        var seen = new List<int>();
        var offset = 0;
        Assert.Empty(await GetUpdatesAsync(http, offset, stop.Token));
        var injected = new int[Writers][];
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Factory.StartNew(() => injected[w] = [.. Enumerable.Range(0, PerWriter).Select(i =>
        {
            if (i % 5 == 0)
            {
                Thread.Sleep(1);
            }

            return telegram.SendText(1000 + w, "tin " + i);
        })], TaskCreationOptions.LongRunning)).ToArray();

        // A reader like the bot's: each getUpdates confirms everything below the offset it sends.
        while (seen.Count < Writers * PerWriter && !stop.IsCancellationRequested)
        {
            // Read before polling: an empty answer ends the loop only if every writer had finished before it was asked.
            var writersDone = writers.All(w => w.IsCompleted);
            var batch = await GetUpdatesAsync(http, offset, stop.Token);
            seen.AddRange(batch);
            if (batch.Count > 0)
            {
                offset = batch[^1] + 1;
            }
            else if (writersDone)
            {
                break;
            }
        }

        await Task.WhenAll(writers);
        var missed = injected.SelectMany(ids => ids).Except(seen).Order().ToList();
        Assert.True(missed.Count == 0, $"{missed.Count} updates were skipped by an offset, e.g. {string.Join(", ", missed.Take(10))}");
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(Writers * PerWriter, seen.Distinct().Count());
    }

    private static async Task<List<int>> GetUpdatesAsync(HttpClient http, int offset, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/bot123456:TEST/getUpdates", new { offset, timeout = 0 }, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return [.. body!["result"]!.AsArray().Select(u => u!["update_id"]!.GetValue<int>())];
    }
}
