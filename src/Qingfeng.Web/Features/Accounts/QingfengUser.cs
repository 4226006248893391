using Microsoft.AspNetCore.Identity;

namespace Qingfeng.Features.Accounts;

/// <summary>A user account: belongs to one organ, whose jurisdiction bounds what the user sees.</summary>
public sealed class QingfengUser : IdentityUser<Guid>
{
    public QingfengUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    public Guid? OrganId { get; set; }

    /// <summary>Created by the demo seeder with a published password; refused on PostgreSQL.</summary>
    public bool IsDemo { get; set; }
}

public sealed class QingfengRole : IdentityRole<Guid>
{
    public QingfengRole()
    {
        Id = Guid.CreateVersion7();
    }

    public QingfengRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
    }
}

/// <summary>A token for integrations (接口令牌); only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    private ApiToken()
    {
    }

    public ApiToken(Guid userId, string name, string tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        UserId = userId;
        Name = name;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
