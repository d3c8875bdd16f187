using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Web.Security;

public sealed record ConsoleUser(string Name, ConsoleRole Role, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt, int FailedLogins,
    DateTimeOffset? LockedUntil);

/// <summary>What a login attempt came to. Locked is answered before the password is checked.</summary>
public enum LoginResult
{
    Success,
    Invalid,
    Locked,
}

/// <summary>
/// Console users (table <c>console_users</c>): PBKDF2 password hashes from ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (V3 format: PBKDF2-HMAC-SHA512, 100 000 iterations, per-hash salt), and a
/// lockout after <c>Web:LockoutFailures</c> failures in a row.
/// </summary>
public sealed class UserRepository(AuditDatabase database, TimeProvider time)
{
    public const int MinPasswordLength = 12;
    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>Adds a user, or replaces the role and password of an existing one (and unlocks it).</summary>
    public async Task AddOrUpdateAsync(string name, ConsoleRole role, string password, CancellationToken ct = default)
    {
        ValidateName(name);
        if (password.Length < MinPasswordLength)
            throw new ArgumentException($"The password must have at least {MinPasswordLength} characters.", nameof(password));
        var hash = Hasher.HashPassword(name, password);
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync("""
            INSERT INTO console_users (name, role, password_hash, created_at) VALUES (@n, @r, @h, @t)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, failed_logins = 0, locked_until = NULL
            """, ct, ("@n", name), ("@r", role.ToText()), ("@h", hash), ("@t", AuditTime.Format(time.GetUtcNow()))).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteAsync("DELETE FROM console_users WHERE name = @n", ct, ("@n", name)).ConfigureAwait(false) > 0;
    }

    public async Task<List<ConsoleUser>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM console_users ORDER BY name", Map, ct).ConfigureAwait(false);
    }

    public async Task<ConsoleUser?> GetAsync(string name, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await c.QueryAsync(null, "SELECT * FROM console_users WHERE name = @n", Map, ct, ("@n", name)).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Checks a password; counts failures, locks the account at <paramref name="maxFailures"/> for <paramref name="lockout"/>.</summary>
    public async Task<(LoginResult Result, ConsoleUser? User)> VerifyAsync(string name, string password, int maxFailures, TimeSpan lockout,
        CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var row = (await c.QueryAsync(null, "SELECT * FROM console_users WHERE name = @n", r => (User: Map(r), Hash: r.Text("password_hash")!), ct,
            ("@n", name)).ConfigureAwait(false)).FirstOrDefault();
        if (row.User is null)
        {
            Hasher.VerifyHashedPassword(name, DummyHash, password); // same work as for a known name: no user enumeration by timing
            return (LoginResult.Invalid, null);
        }
        if (row.User.LockedUntil is { } until && until > now) return (LoginResult.Locked, row.User);
        var verdict = Hasher.VerifyHashedPassword(name, row.Hash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = row.User.FailedLogins + 1;
            var locked = failures >= maxFailures ? AuditTime.Format(now + lockout) : null;
            await c.ExecuteAsync("UPDATE console_users SET failed_logins = @f, locked_until = @l WHERE name = @n", ct,
                ("@f", locked is null ? failures : 0), ("@l", locked), ("@n", name)).ConfigureAwait(false);
            return (locked is null ? LoginResult.Invalid : LoginResult.Locked, row.User);
        }
        var newHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(name, password) : row.Hash;
        await c.ExecuteAsync("UPDATE console_users SET failed_logins = 0, locked_until = NULL, last_login_at = @t, password_hash = @h WHERE name = @n", ct,
            ("@t", AuditTime.Format(now)), ("@h", newHash), ("@n", name)).ConfigureAwait(false);
        return (LoginResult.Success, row.User);
    }

    public static void ValidateName(string name)
    {
        if (name.Length is 0 or > 64 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-' or '@'))
            throw new ArgumentException("A user name has 1 to 64 characters among letters, digits, '.', '_', '-' and '@'.", nameof(name));
    }

    private static readonly string DummyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    private static ConsoleUser Map(DbDataReader r) => new(r.Text("name")!, Enum.Parse<ConsoleRole>(r.Text("role")!, ignoreCase: true),
        r.Time("created_at")!.Value, r.Time("last_login_at"), (int)r.Long("failed_logins"), r.Time("locked_until"));
}
