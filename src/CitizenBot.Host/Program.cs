using CitizenBot.Core.Storage;
using CitizenBot.Host;
using CitizenBot.Host.Cli;
using CitizenBot.Host.Configuration;

// Usage: CitizenBot.Host [--no-demo] [--Key=Value ...]
//        CitizenBot.Host import dossiers FILE.csv [--Key=Value ...]
//        CitizenBot.Host officers add NAME --role canbo|lanhdao|quantri [--display "Họ tên"] | list | reset|disable|enable|unlock NAME
//        CitizenBot.Host import guide FILE.xlsx|FILE.csv [--Key=Value ...]
var noDemo = args.Contains("--no-demo");
var rest = args.Where(a => a != "--no-demo").ToArray();
var isImport = rest.Length >= 2 && rest[0] == "import" && rest[1] is "dossiers" or "guide";
if (rest.Length >= 1 && rest[0] == "import" && (!isImport || rest.Length < 3))
{
    Console.Error.WriteLine("Usage: dotnet run --project src/CitizenBot.Host -- import dossiers FILE.csv");
    Console.Error.WriteLine("       dotnet run --project src/CitizenBot.Host -- import guide FILE.xlsx|FILE.csv");
    return 2;
}

OfficersCommand.Parsed? officers = null;
if (rest.Length >= 1 && rest[0] == "officers")
{
    officers = OfficersCommand.Parse(rest, Console.Error);
    if (officers is null)
    {
        return 2;
    }
}

var configArgs = isImport ? rest[3..] : officers?.Settings ?? rest;
var config = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(configArgs)
    .Build();

HostSettings settings;
try
{
    settings = HostSettings.Load(config);
}
catch (ConfigurationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (isImport)
{
    try
    {
        return rest[1] == "guide"
            ? await GuideImportCommand.RunAsync(settings, rest[2], Console.Out)
            : await ImportCommand.RunAsync(settings, rest[2], Console.Out);
    }
    catch (Exception ex) when (OpenFailure(ex) is { } code)
    {
        Console.Error.WriteLine(ex.Message);
        return code;
    }
}

if (officers is not null)
{
    try
    {
        return await OfficersCommand.RunAsync(settings, officers, Console.Out);
    }
    catch (Exception ex) when (OpenFailure(ex) is { } code)
    {
        Console.Error.WriteLine(ex.Message);
        return code;
    }
}

CitizenDatabase db;
try
{
    db = settings.OpenDatabase();
}
catch (Exception ex) when (OpenFailure(ex) is { } code)
{
    Console.Error.WriteLine(ex.Message);
    return code;
}

var app = CitizenBotHost.Build(configArgs, settings, db, seedDemo: !noDemo);
try
{
    await app.RunAsync();
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    // Settings bound as options are validated again when the host starts: the same one line.
    Console.Error.WriteLine(Settings.ToConfigurationException(ex).Message);
    return 2;
}

return 0;

// Opening the data folder fails in one line: 3 for the folder or the database, 2 for a setting (the identity key the
// database's file key comes from is read when the database opens).
static int? OpenFailure(Exception ex) => ex switch
{
    DataFolderException => 3,
    ConfigurationException => 2,
    _ => null,
};
