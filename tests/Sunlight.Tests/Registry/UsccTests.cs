using Sunlight.Web.Features.Registry;

namespace Sunlight.Tests.Registry;

public sealed class UsccTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // published example (domain-rules.md)
    public void Validate_PublishedCodes_AreValid(string code) => Assert.Null(Uscc.Validate(code));

    [Theory]
    [InlineData("91350100M000100Y44", "统一社会信用代码校验位错误")]
    [InlineData("91350100M000100Y4", "统一社会信用代码应为 18 位")]
    [InlineData("91350100M0001O0Y43", "统一社会信用代码含有非法字符（只允许数字和除 I、O、Z、S、V 外的大写字母）")]
    [InlineData("91ABCDEFM000100Y43", "统一社会信用代码第 3–8 位应为行政区划代码")]
    [InlineData("", "统一社会信用代码不能为空")]
    public void Validate_BadCodes_ExplainWhyInChinese(string code, string expected) => Assert.Equal(expected, Uscc.Validate(code));

    [Fact]
    public void CheckCharacter_WhenSumIsMultipleOf31_IsZero()
    {
        // Search for a body whose weighted sum is divisible by 31: its check character must read '0', not 'Y'+1.
        var body = "91350100M0001000".ToCharArray();
        foreach (var c in Uscc.Alphabet)
        {
            var candidate = new string(body) + c;
            var sum = candidate.Select((ch, i) => Uscc.Alphabet.IndexOf(ch, StringComparison.Ordinal) * (int)(Math.Pow(3, i) % 31)).Sum();
            if (sum % 31 == 0)
            {
                Assert.Equal('0', Uscc.CheckCharacter(candidate));
                Assert.Null(Uscc.Validate(candidate + "0"));
                return;
            }
        }
        Assert.Fail("no body with a sum divisible by 31 among the candidates");
    }

    [Fact]
    public void DemoGenerator_ProducesValidCodes()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var code = Sunlight.Web.Features.Platform.Demo.DemoSeeder.MakeUscc(random, "91");
            Assert.Null(Uscc.Validate(code));
        }
    }
}
