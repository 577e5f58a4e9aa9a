using LiteDB;

namespace CitizenBot.Core.Storage;

internal static class CitizenBsonMapper
{
    /// <summary>
    /// One mapper for the process. DateTimeOffset is stored as a UTC DateTime and read back as UTC,
    /// so nothing drifts with the server's local time zone on the round trip.
    /// </summary>
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, EmptyStringToNull = false, TrimWhitespace = false };
        mapper.RegisterType(
            serialize: value => new BsonValue(value.UtcDateTime),
            deserialize: bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));
        return mapper;
    }
}
