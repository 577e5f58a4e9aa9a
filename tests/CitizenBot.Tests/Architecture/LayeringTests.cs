using System.Text.RegularExpressions;

namespace CitizenBot.Tests.Architecture;

/// <summary>Each project knows only what its layer may: storage stays in Core, features stay out of the engine.</summary>
public sealed partial class LayeringTests
{
    [Fact]
    public void Channels_use_no_LiteDB_type()
    {
        var offenders = SourceTree.CSharpFiles("src", "CitizenBot.Channels")
            .Where(f => LiteDbReference().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName);

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_dialog_engine_names_no_feature()
    {
        var offenders = SourceTree.CSharpFiles("dialogs", "CitizenBot.Dialogs", "Engine")
            .SelectMany(f => DialogsReference().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(ns => ns != "Engine")
            .Distinct();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\bLiteDB\b|\bBsonId\b|\bILiteCollection\b")]
    private static partial Regex LiteDbReference();

    [GeneratedRegex(@"\bCitizenBot\.Dialogs\.([A-Z]\w*)")]
    private static partial Regex DialogsReference();
}
