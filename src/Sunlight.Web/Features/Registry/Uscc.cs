namespace Sunlight.Web.Features.Registry;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.</summary>
internal static class Uscc
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Null when valid; otherwise the Chinese reason it is not.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "统一社会信用代码不能为空";
        }
        if (code.Length != 18)
        {
            return "统一社会信用代码应为 18 位";
        }
        if (code.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return "统一社会信用代码含有非法字符（只允许数字和除 I、O、Z、S、V 外的大写字母）";
        }
        if (!code.AsSpan(2, 6).ContainsOnlyDigits())
        {
            return "统一社会信用代码第 3–8 位应为行政区划代码";
        }
        return CheckCharacter(code.AsSpan(0, 17)) == code[17] ? null : "统一社会信用代码校验位错误";
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Normalises user input: trims and upper-cases (people type lower case and paste spaces).</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
