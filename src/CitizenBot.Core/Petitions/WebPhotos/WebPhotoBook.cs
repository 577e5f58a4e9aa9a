using System.Security.Cryptography;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Petitions.WebPhotos;

/// <summary>
/// The web chat's photos: stored sealed through the one write path, opened for the console, and forgotten when no
/// petition holds them (never attached, or the petition's personal data erased).
/// </summary>
public sealed class WebPhotoBook
{
    public const string CollectionName = "web_photos";
    public const string Prefix = "web:";

    /// <summary>Photos looked at per round of a sweep or an erasure, so one write stays small.</summary>
    private const int Batch = 200;

    private readonly CitizenDatabase _db;
    private readonly DataSeal _seal;
    private readonly CommuneClock _clock;

    public WebPhotoBook(CitizenDatabase db, DataSeal seal, CommuneClock clock)
    {
        _db = db;
        _seal = seal;
        _clock = clock;
        db.EnsureIndexes<WebPhoto>(CollectionName, col =>
        {
            col.EnsureIndex(p => p.OwnerLookup);
            col.EnsureIndex(p => p.CreatedAt);
        });
    }

    /// <summary>Seals and stores a photo a conversation sent; returns its reference ("web:…").</summary>
    public async Task<string> AddAsync(ChatAddress from, byte[] content, string contentType)
    {
        var photo = new WebPhoto
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            OwnerLookup = OwnerOf(from),
            ContentType = contentType,
            SealedContent = _seal.SealBytes(content),
            Size = content.Length,
            CreatedAt = _clock.UtcNow,
        };
        await _db.WriteAsync(tx => tx.GetCollection<WebPhoto>(CollectionName).Insert(photo));
        return photo.Reference;
    }

    /// <summary>The photo's bytes, or null when it is gone or not a web reference.</summary>
    public PetitionPhoto? Open(string reference)
    {
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal)
            || Photos.FindById(reference[Prefix.Length..]) is not { } photo
            || _seal.OpenBytes(photo.SealedContent) is not { } content)
        {
            return null;
        }

        return new PetitionPhoto(content, photo.ContentType);
    }

    public List<WebPhoto> Of(ChatAddress owner) => [.. Photos.Find(Filter.Eq(nameof(WebPhoto.OwnerLookup), OwnerOf(owner))).OrderBy(p => p.CreatedAt)];

    /// <summary>The petition that holds this photo, if any.</summary>
    public Petition? PetitionHolding(WebPhoto photo) =>
        _db.Collection<Petition>(PetitionBook.CollectionName).FindOne(BsonExpression.Create("$.Photos[*] ANY = @0", photo.Reference));

    /// <summary>Deletes the photos sent before <paramref name="before"/> that no petition holds; returns how many.</summary>
    public int ForgetUnattached(DateTimeOffset before)
    {
        var forgotten = 0;
        var from = DateTimeOffset.MinValue;
        // Bounded: each round moves past the photos it looked at, kept or not.
        for (var round = 0; round < 1_000; round++)
        {
            var batch = Photos.Query().Where(p => p.CreatedAt >= from && p.CreatedAt < before).OrderBy(p => p.CreatedAt).Limit(Batch).ToList();
            forgotten += Delete(batch.Where(p => PetitionHolding(p) is null));
            if (batch.Count < Batch)
            {
                break;
            }

            from = batch[^1].CreatedAt.AddTicks(1);
        }

        return forgotten;
    }

    /// <summary>Erases a conversation's photos except those a petition still being handled holds (the law keeps them).</summary>
    public ErasureResult Erase(ChatAddress owner)
    {
        var mine = Of(owner);
        var kept = mine.Where(p => PetitionHolding(p) is { IsOpen: true }).ToList();
        var erased = Delete(mine.Except(kept));
        return new ErasureResult(erased, kept.Count);
    }

    private int Delete(IEnumerable<WebPhoto> photos)
    {
        var ids = photos.Select(p => p.Id).ToList();
        return ids.Count == 0 ? 0 : _db.Write(tx =>
        {
            var col = tx.GetCollection<WebPhoto>(CollectionName);
            return ids.Count(id => col.Delete(id));
        });
    }

    private ILiteCollection<WebPhoto> Photos => _db.Collection<WebPhoto>(CollectionName);

    private string OwnerOf(ChatAddress address) => _seal.Hash("web-photo:" + address.Key);
}
