using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Sunlight.Web.Features.Complaints.Confidentiality;

/// <summary>Who filed a complaint and how to reach them. Leaves the server only through <see cref="ReporterIdentityReader"/>.</summary>
public sealed record ReporterIdentity(string? Name, string? Phone, string? Email)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
}

/// <summary>Encrypts reporter identities with ASP.NET Data Protection (keys kept in the database).</summary>
public sealed class ReporterVault(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Sunlight.Complaints.ReporterIdentity.v1");

    public string? Protect(ReporterIdentity? identity) =>
        identity is null || identity.IsEmpty ? null : _protector.Protect(JsonSerializer.Serialize(identity));

    public ReporterIdentity? Unprotect(string? protectedText) =>
        protectedText is null ? null : JsonSerializer.Deserialize<ReporterIdentity>(_protector.Unprotect(protectedText));
}

/// <summary>Tracking codes, PINs and Open311 tokens. The PIN is stored only as a salted PBKDF2 hash.</summary>
public static class ComplaintCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const int Iterations = 5000;

    public static string NewTrackingCode() => "TS" + RandomString(10);

    public static string NewPin() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewToken() => Guid.NewGuid().ToString("N");

    public static string HashPin(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"v1${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool VerifyPin(string stored, string? pin)
    {
        var parts = stored.Split('$');
        if (parts.Length != 3 || parts[0] != "v1" || string.IsNullOrEmpty(pin) || pin.Length > 20)
        {
            return false;
        }
        var expected = Convert.FromBase64String(parts[2]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin.Trim()), Convert.FromBase64String(parts[1]), Iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string RandomString(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }
}
