using System.Security.Cryptography;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Storage;

namespace CitizenBot.Host.Configuration;

/// <summary>Reads the <c>Petitions</c> section: answer deadlines per kind and the identity key.</summary>
public static class PetitionSettings
{
    public const string KeyFileName = "petition-identity-key";
    public const string KeyEnvironmentVariable = "CITIZENBOT_IDENTITY_KEY";

    public const string KeyBesideDataWarning =
        "WARNING: the identity key that seals denouncers' identities, confidential messages and conversation state is a file in the data folder: "
        + "whoever copies the data folder (a backup, a stolen disk) can open them. Keep the key elsewhere: Petitions:IdentityKey, "
        + KeyEnvironmentVariable + " or Petitions:IdentityKeyFile.";

    public static PetitionOptions Load(IConfiguration config, string dataDir, ReceptionOptions reception) => new()
    {
        WorkingDays = new Dictionary<PetitionKind, int>
        {
            [PetitionKind.Feedback] = HostSettings.ReadInt(config, "Petitions:WorkingDays:Feedback", 10, 1, 120),
            [PetitionKind.Complaint] = HostSettings.ReadInt(config, "Petitions:WorkingDays:Complaint", 30, 1, 120),
            [PetitionKind.Denunciation] = HostSettings.ReadInt(config, "Petitions:WorkingDays:Denunciation", 30, 1, 120),
        },
        ExtensionWorkingDays = HostSettings.ReadInt(config, "Petitions:ExtensionWorkingDays", 5, 1, 60),
        IdentityKey = Key(config, dataDir),
        IsHoliday = reception.IsHoliday,
    };

    /// <summary>
    /// The key, first found of: Petitions:IdentityKey (32 bytes, base64), the CITIZENBOT_IDENTITY_KEY environment variable,
    /// the file at Petitions:IdentityKeyFile, or the file petition-identity-key in the data folder. A missing key file is
    /// generated (mode 0600), so the defaults run; the host warns at every start while the key sits beside the data.
    /// </summary>
    private static byte[] Key(IConfiguration config, string dataDir)
    {
        if (config["Petitions:IdentityKey"] is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return Decode(configured, "Petitions:IdentityKey");
        }

        if (Environment.GetEnvironmentVariable(KeyEnvironmentVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Decode(fromEnvironment, KeyEnvironmentVariable);
        }

        var path = KeyFilePath(config, dataDir);
        var setting = string.IsNullOrWhiteSpace(config["Petitions:IdentityKeyFile"]) ? "Storage:DataDir" : "Petitions:IdentityKeyFile";
        try
        {
            if (File.Exists(path))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, PrivateFiles.FileMode);
                }

                return Decode(File.ReadAllText(path), $"{setting} ({path})");
            }

            var generated = RandomNumberGenerator.GetBytes(32);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = PrivateFiles.CreateNew(path))
            using (var writer = new StreamWriter(file))
            {
                writer.Write(Convert.ToBase64String(generated));
            }

            return generated;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(setting, $"the identity key file '{path}' cannot be read or created: {ex.Message}");
        }
    }

    /// <summary>True when the key is read from (or generated into) a file inside the data folder.</summary>
    public static bool KeyBesideData(IConfiguration config, string dataDir)
    {
        if (!string.IsNullOrWhiteSpace(config["Petitions:IdentityKey"]) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(KeyEnvironmentVariable)))
        {
            return false;
        }

        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir)) + Path.DirectorySeparatorChar;
        return KeyFilePath(config, dataDir).StartsWith(folder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string KeyFilePath(IConfiguration config, string dataDir) =>
        Path.GetFullPath(config["Petitions:IdentityKeyFile"] is { } file && !string.IsNullOrWhiteSpace(file) ? file.Trim() : Path.Combine(dataDir, KeyFileName));

    private static byte[] Decode(string value, string key)
    {
        try
        {
            var bytes = Convert.FromBase64String(value.Trim());
            return bytes.Length == 32 ? bytes : throw new ConfigurationException(key, "must be 32 bytes in base64 (openssl rand -base64 32).");
        }
        catch (FormatException)
        {
            throw new ConfigurationException(key, "is not base64 (openssl rand -base64 32).");
        }
    }
}
