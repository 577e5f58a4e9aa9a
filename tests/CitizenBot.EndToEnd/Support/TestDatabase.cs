using CitizenBot.Core.Storage;
using CitizenBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// Tests' way to open a data folder outside a host: under the identity key the host itself uses by default, the key file
/// in the data folder (created here if the host has not run yet), so the host and the test open the same database.
/// </summary>
public static class TestDatabase
{
    public static CitizenDatabase Open(string dataDir) =>
        CitizenDatabase.Open(dataDir, () => PetitionSettings.Key(new ConfigurationBuilder().Build(), dataDir));
}
