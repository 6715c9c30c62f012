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
/// Tracking codes, PINs and Open311 tokens. The PIN is 12 characters of a 32-letter alphabet (60 bits, shown as
/// XXXX-XXXX-XXXX) stored as a salted HMAC-SHA256: long enough that an offline search of a leaked hash is impractical
/// (2^60 HMACs ≈ 360 core-years at 10^8/s), where an 8-digit PIN fell in 30 s. A slow hash was the other choice; it
/// would make every public lookup and every intake pay the stretching cost (a CPU lever for anyone posting), and would
/// still leave 10^8 guesses within reach of a GPU. Online guessing is stopped by <see cref="Public.PinGuard"/>.
/// PINs issued before (8 digits, "v2") still verify.
/// </summary>
internal static class ComplaintCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewTrackingCode() => "TS" + RandomString(10);

    public static string NewPin() => $"{RandomString(4)}-{RandomString(4)}-{RandomString(4)}";

    public static string NewToken() => Guid.NewGuid().ToString("N");

    public static string HashPin(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"v2${Convert.ToBase64String(salt)}${Convert.ToBase64String(Hash(salt, Normalize(pin)))}";
    }

    /// <summary>As typed: dashes and spaces ignored, any case.</summary>
    private static string Normalize(string pin) => pin.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    public static bool VerifyPin(string stored, string? pin)
    {
        var parts = stored.Split('$');
        if (parts.Length != 3 || parts[0] != "v2" || string.IsNullOrEmpty(pin) || pin.Length > 20)
        {
            return false;
        }
        var expected = Convert.FromBase64String(parts[2]);
        return CryptographicOperations.FixedTimeEquals(expected, Hash(Convert.FromBase64String(parts[1]), Normalize(pin)));
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
