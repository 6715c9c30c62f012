using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Sunlight.Web.Features.Complaints.Confidentiality;

/// <summary>Who filed a complaint and how to reach them. Leaves the server only through <see cref="ReporterIdentityReader"/>.</summary>
internal sealed record ReporterIdentity(string? Name, string? Phone, string? Email)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
}

/// <summary>Encrypts reporter identities with ASP.NET Data Protection (keys kept in the database).</summary>
internal sealed class ReporterVault(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Sunlight.Complaints.ReporterIdentity.v1");

    public string? Protect(ReporterIdentity? identity) =>
        identity is null || identity.IsEmpty ? null : _protector.Protect(JsonSerializer.Serialize(identity));

    public ReporterIdentity? Unprotect(string? protectedText) =>
        protectedText is null ? null : JsonSerializer.Deserialize<ReporterIdentity>(_protector.Unprotect(protectedText));
}

/// <summary>
/// Tracking codes, PINs and Open311 tokens. The PIN is stored only as a salted SHA-256 hash: it guards the public
/// status view (which never shows an identity), online guessing is rate-limited, and a key-stretching hash would cost
/// the public intake path more CPU than everything else it does together.
/// </summary>
internal static class ComplaintCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewTrackingCode() => "TS" + RandomString(10);

    public static string NewPin() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewToken() => Guid.NewGuid().ToString("N");

    public static string HashPin(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"v2${Convert.ToBase64String(salt)}${Convert.ToBase64String(Hash(salt, pin))}";
    }

    public static bool VerifyPin(string stored, string? pin)
    {
        var parts = stored.Split('$');
        if (parts.Length != 3 || parts[0] != "v2" || string.IsNullOrEmpty(pin) || pin.Length > 20)
        {
            return false;
        }
        var expected = Convert.FromBase64String(parts[2]);
        return CryptographicOperations.FixedTimeEquals(expected, Hash(Convert.FromBase64String(parts[1]), pin.Trim()));
    }

    private static byte[] Hash(byte[] salt, string pin) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(pin));

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
