using CitizenBot.Core.Reception;
using CitizenBot.Core.Storage;
using CitizenBot.Host.Configuration;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace CitizenBot.Tests.Configuration;

/// <summary>Where the identity key lives: a setting, an environment variable, a file outside the data folder, or (warned about) beside it.</summary>
public sealed class IdentityKeySettingsTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string DataDir => Path.Combine(_dir.Path, "data");

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Without_a_setting_the_key_is_generated_beside_the_data_private_and_warned_about()
    {
        var config = Config();

        var key = PetitionSettings.Load(config, DataDir, new ReceptionOptions()).IdentityKey;

        var file = Path.Combine(DataDir, PetitionSettings.KeyFileName);
        Assert.Equal(Convert.ToBase64String(key), File.ReadAllText(file));
        Assert.True(PetitionSettings.KeyBesideData(config, DataDir));
        Assert.Equal(key, PetitionSettings.Load(config, DataDir, new ReceptionOptions()).IdentityKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_key_file_outside_the_data_folder_is_used_and_nothing_is_written_beside_the_data()
    {
        var outside = Path.Combine(_dir.Path, "secrets", "identity.key");
        var config = Config(("Petitions:IdentityKeyFile", outside));

        var key = PetitionSettings.Load(config, DataDir, new ReceptionOptions()).IdentityKey;

        Assert.Equal(Convert.ToBase64String(key), File.ReadAllText(outside));
        Assert.False(File.Exists(Path.Combine(DataDir, PetitionSettings.KeyFileName)));
        Assert.False(PetitionSettings.KeyBesideData(config, DataDir));
        Assert.True(PetitionSettings.KeyBesideData(Config(("Petitions:IdentityKeyFile", Path.Combine(DataDir, "k"))), DataDir));
    }

    [Fact]
    public void A_configured_key_or_the_environment_variable_comes_first()
    {
        var configured = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var config = Config(("Petitions:IdentityKey", configured));
        Assert.Equal(configured, Convert.ToBase64String(PetitionSettings.Load(config, DataDir, new ReceptionOptions()).IdentityKey));
        Assert.False(PetitionSettings.KeyBesideData(config, DataDir));

        var fromEnvironment = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        Environment.SetEnvironmentVariable(PetitionSettings.KeyEnvironmentVariable, fromEnvironment);
        try
        {
            Assert.Equal(fromEnvironment, Convert.ToBase64String(PetitionSettings.Load(Config(), DataDir, new ReceptionOptions()).IdentityKey));
            Assert.False(PetitionSettings.KeyBesideData(Config(), DataDir));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PetitionSettings.KeyEnvironmentVariable, null);
        }

        Assert.False(File.Exists(Path.Combine(DataDir, PetitionSettings.KeyFileName)));
    }

    [Theory]
    [InlineData("Petitions:IdentityKey", "not base64!")]
    [InlineData("Petitions:IdentityKey", "c2hvcnQ=")]
    public void A_malformed_key_stops_start_up_naming_its_setting(string key, string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => PetitionSettings.Load(Config((key, value)), DataDir, new ReceptionOptions()));
        Assert.Equal(key, ex.Key);
    }
}
