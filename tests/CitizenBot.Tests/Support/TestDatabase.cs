using CitizenBot.Core.Storage;

namespace CitizenBot.Tests.Support;

/// <summary>Tests' way to open a data folder: encrypted at rest under the harness's identity key.</summary>
public static class TestDatabase
{
    public static CitizenDatabase Open(string dataDir) => CitizenDatabase.Open(dataDir, () => BotHarness.IdentityKey);
}
