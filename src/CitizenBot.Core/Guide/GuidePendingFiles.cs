using CitizenBot.Core.Dossiers;

namespace CitizenBot.Core.Guide;

/// <summary>
/// Guide files previewed on the console, held until the officer's "Nhập" so exactly the previewed bytes are imported; kept
/// apart from the dossier files (an officer may have one of each waiting).
/// </summary>
public sealed class GuidePendingFiles(TimeProvider time)
{
    public PendingImports Files { get; } = new(time);
}
