using CitizenBot.Core.Petitions;
using CitizenBot.Core.Petitions.WebPhotos;

namespace CitizenBot.Channels.Web.Photos;

/// <summary>Opens the web chat's photos for the console's petition page ("web:…" references).</summary>
public sealed class WebPhotoSource(WebPhotoBook photos) : IPetitionPhotoSource
{
    public string Prefix => WebPhotoBook.Prefix;

    public Task<PetitionPhoto?> OpenAsync(string reference, CancellationToken ct) => Task.FromResult(photos.Open(reference));
}
