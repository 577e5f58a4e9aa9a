using System.Text.RegularExpressions;

namespace CitizenBot.Tests.Architecture;

/// <summary>
/// Core's feature folders may depend on each other only one way: a helper two features need (masking, the
/// officers' chat) lives in a lower layer both may use, never in one of them. The graph is read from the
/// source: every <c>CitizenBot.Core.X</c> a file under src/CitizenBot.Core/&lt;Feature&gt;/ names, in a using or in full.
/// </summary>
public sealed partial class CoreNamespaceCycleTests
{
    [Fact]
    public void Core_feature_namespaces_depend_on_each_other_without_a_cycle()
    {
        var graph = ReadCoreGraph();

        Assert.Contains("Dossiers", graph.Keys);
        Assert.Null(FindCycle(graph));
    }

    [Fact]
    public void The_cycle_check_finds_a_loop_through_three_namespaces()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Ratings"] = ["Escalation", "Storage"],
            ["Escalation"] = ["Dossiers"],
            ["Dossiers"] = ["Ratings"],
            ["Storage"] = [],
        };

        Assert.Equal("Dossiers → Ratings → Escalation → Dossiers", FindCycle(graph));
    }

    private static Dictionary<string, HashSet<string>> ReadCoreGraph()
    {
        var core = SourceTree.Path("src", "CitizenBot.Core");
        var features = Directory.GetDirectories(core).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        var graph = features.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var feature in features)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(core, feature), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in CoreReference().Matches(File.ReadAllText(file)))
                {
                    var target = m.Groups[1].Value;
                    if (target != feature && features.Contains(target))
                    {
                        graph[feature].Add(target);
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>The first cycle found, as "A → B → A", or null when the graph has none.</summary>
    private static string? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        string? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                return string.Join(" → ", path.Skip(at).Append(node));
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"\bCitizenBot\.Core\.([A-Z]\w*)")]
    private static partial Regex CoreReference();
}
