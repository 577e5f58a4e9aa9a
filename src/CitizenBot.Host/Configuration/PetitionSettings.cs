using System.Security.Cryptography;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Reception;

namespace CitizenBot.Host.Configuration;

/// <summary>Reads the <c>Petitions</c> section: answer deadlines per kind and the identity key.</summary>
public static class PetitionSettings
{
    public const string KeyFileName = "petition-identity-key";

    /// <summary>
    /// The key is Petitions:IdentityKey (32 bytes, base64). Without it a key is generated once into the data
    /// folder, readable only by the bot's user, so the defaults run; production should keep the key elsewhere.
    /// </summary>
    public static PetitionOptions Load(IConfiguration config, string dataDir, ReceptionOptions reception, ILogger? logger = null) => new()
    {
        WorkingDays = new Dictionary<PetitionKind, int>
        {
            [PetitionKind.Feedback] = HostSettings.ReadInt(config, "Petitions:WorkingDays:Feedback", 10, 1, 120),
            [PetitionKind.Complaint] = HostSettings.ReadInt(config, "Petitions:WorkingDays:Complaint", 30, 1, 120),
            [PetitionKind.Denunciation] = HostSettings.ReadInt(config, "Petitions:WorkingDays:Denunciation", 30, 1, 120),
        },
        ExtensionWorkingDays = HostSettings.ReadInt(config, "Petitions:ExtensionWorkingDays", 5, 1, 60),
        IdentityKey = Key(config["Petitions:IdentityKey"], dataDir, logger),
        IsHoliday = reception.IsHoliday,
    };

    private static byte[] Key(string? configured, string dataDir, ILogger? logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                var key = Convert.FromBase64String(configured.Trim());
                return key.Length == 32 ? key : throw new ConfigurationException("Petitions:IdentityKey", "must be 32 bytes in base64 (openssl rand -base64 32).");
            }
            catch (FormatException)
            {
                throw new ConfigurationException("Petitions:IdentityKey", "is not base64 (openssl rand -base64 32).");
            }
        }

        var path = Path.Combine(dataDir, KeyFileName);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var generated = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(dataDir);
        File.WriteAllText(path, Convert.ToBase64String(generated));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        logger?.LogWarning("No Petitions:IdentityKey configured: generated one into the data folder. Keep a production key outside the data folder.");
        return generated;
    }
}
