using CitizenBot.Benchmarks;

// dotnet run -c Release --project tests/CitizenBot.Benchmarks -- summary [--dossiers N] [--others N] [--data DIR] [--out docs/benchmarks.md]
//                                                             guide [--out docs/benchmarks.md]
return await BenchmarkCommand.RunAsync(args);
