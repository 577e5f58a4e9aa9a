using LiteDB;

namespace CitizenBot.Core.Petitions.WebPhotos;

/// <summary>
/// A photo a citizen sent from the web chat, kept until a petition no longer needs it. The bytes are sealed (a photo of a
/// petition is personal data) and the conversation is kept only as a keyed hash, so the record does not name its sender.
/// </summary>
public sealed class WebPhoto
{
    [BsonId]
    public string Id { get; set; } = "";

    /// <summary>A keyed hash of the web conversation that sent it, for "Dữ liệu của tôi" and erasure.</summary>
    public string OwnerLookup { get; set; } = "";

    public string ContentType { get; set; } = "";

    /// <summary>The image, sealed with <see cref="CitizenBot.Core.Storage.DataSeal.SealBytes"/>.</summary>
    public byte[] SealedContent { get; set; } = [];

    public int Size { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The reference a petition stores and the console opens: "web:" and the id.</summary>
    [BsonIgnore]
    public string Reference => WebPhotoBook.Prefix + Id;
}
