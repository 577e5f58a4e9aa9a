namespace CitizenBot.Core.Roles;

/// <summary>What a user may do; each role includes the ones before it (a leader may do what an officer does).</summary>
public enum UserRole
{
    Citizen = 0,
    Officer = 1,
    Leader = 2,
    Admin = 3,
}

/// <summary>A role granted by an admin, kept per channel user ("telegram:12345").</summary>
public sealed class RoleGrant
{
    public string Id { get; set; } = "";

    public UserRole Role { get; set; }

    public string GrantedBy { get; set; } = "";

    public DateTimeOffset GrantedAt { get; set; }
}

/// <summary>
/// How many times a user's role was lowered or taken back. Web sessions and login codes carry the epoch they
/// were issued under, so granting a revoked role again does not bring old sessions back.
/// </summary>
public sealed class RoleEpoch
{
    public string Id { get; set; } = "";

    public int Epoch { get; set; }
}

/// <summary>Vietnamese names of the roles, as officers type and read them.</summary>
public static class RoleNames
{
    public static string Of(UserRole role) => role switch
    {
        UserRole.Officer => "cán bộ",
        UserRole.Leader => "lãnh đạo",
        UserRole.Admin => "quản trị",
        _ => "công dân",
    };

    public static UserRole? Parse(string? text) => Commune.TextMatching.Words(text) switch
    {
        "can bo" or "canbo" or "officer" => UserRole.Officer,
        "lanh dao" or "lanhdao" or "leader" => UserRole.Leader,
        "quan tri" or "quantri" or "admin" => UserRole.Admin,
        "cong dan" or "congdan" or "citizen" => UserRole.Citizen,
        _ => null,
    };
}
