namespace CitizenBot.Core.Figures;

/// <summary>
/// The period a summary covers, in both forms the slices count by: commune-local days (<paramref name="FirstDay"/>
/// to <paramref name="LastDay"/>, inclusive) and the UTC instants they span (<paramref name="From"/> inclusive,
/// <paramref name="To"/> exclusive); <paramref name="Today"/> is the commune's today when the summary is compiled.
/// </summary>
public sealed record FigureWindow(DateOnly FirstDay, DateOnly LastDay, DateTimeOffset From, DateTimeOffset To, DateOnly Today);
