using System.Security.Cryptography;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Storage;

namespace CitizenBot.Host.Configuration;

/// <summary>The <c>Petitions</c> section's answer deadlines in working days; the identity key is read by <see cref="PetitionSettings"/>.</summary>
public sealed class PetitionDeadlineOptions
{
    public const string Section = "Petitions";

    public PetitionWorkingDays WorkingDays { get; set; } = new();

    public int ExtensionWorkingDays { get; set; } = 5;

    public int ReopenDays { get; set; } = 30;
}

/// <summary>The <c>Petitions:WorkingDays</c> section: answer deadline per kind.</summary>
public sealed class PetitionWorkingDays
{
    public const string Section = "Petitions:WorkingDays";

    public int Feedback { get; set; } = 10;

    public int Complaint { get; set; } = 30;

    public int Denunciation { get; set; } = 30;
}

public sealed class PetitionDeadlineValidator(IConfiguration config) : RangeValidator<PetitionDeadlineOptions>(config, PetitionDeadlineOptions.Section,
[
    ("WorkingDays:" + nameof(PetitionWorkingDays.Feedback), 1, 120),
    ("WorkingDays:" + nameof(PetitionWorkingDays.Complaint), 1, 120),
    ("WorkingDays:" + nameof(PetitionWorkingDays.Denunciation), 1, 120),
    (nameof(PetitionDeadlineOptions.ExtensionWorkingDays), 1, 60),
    (nameof(PetitionDeadlineOptions.ReopenDays), 1, 365),
]);

/// <summary>Reads the <c>Petitions</c> section: answer deadlines per kind and the identity key.</summary>
public static class PetitionSettings
{
    public const string KeyFileName = "petition-identity-key";
    public const string KeyEnvironmentVariable = "CITIZENBOT_IDENTITY_KEY";

    public const string KeyBesideDataWarning =
        "WARNING: the identity key that seals denouncers' identities, confidential messages and conversation state is a file in the data folder: "
        + "whoever copies the data folder (a backup, a stolen disk) can open them. Keep the key elsewhere: Petitions:IdentityKey, "
        + KeyEnvironmentVariable + " or Petitions:IdentityKeyFile.";

    public static PetitionOptions Load(IConfiguration config, string dataDir, ReceptionOptions reception)
    {
        var deadlines = Settings.Read<PetitionDeadlineOptions>(config);
        return new()
        {
            WorkingDays = new Dictionary<PetitionKind, int>
            {
                [PetitionKind.Feedback] = deadlines.WorkingDays.Feedback,
                [PetitionKind.Complaint] = deadlines.WorkingDays.Complaint,
                [PetitionKind.Denunciation] = deadlines.WorkingDays.Denunciation,
            },
            ExtensionWorkingDays = deadlines.ExtensionWorkingDays,
            ReopenDays = deadlines.ReopenDays,

            // The identity key stays an explicit step: it may read or generate a file.
            IdentityKey = Key(config, dataDir),
            IsHoliday = reception.IsHoliday,
        };
    }

    /// <summary>
    /// The key, first found of: Petitions:IdentityKey (32 bytes, base64), the CITIZENBOT_IDENTITY_KEY environment variable,
    /// the file at Petitions:IdentityKeyFile, or the file petition-identity-key in the data folder. A missing key file is
    /// generated (mode 0600), so the defaults run; the host warns at every start while the key sits beside the data.
    /// </summary>
    public static byte[] Key(IConfiguration config, string dataDir)
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
