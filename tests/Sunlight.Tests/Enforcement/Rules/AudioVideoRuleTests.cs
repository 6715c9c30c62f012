using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

public sealed class AudioVideoRuleTests
{
    private static readonly DateOnly Day = new(2026, 4, 7);
    private readonly AudioVideoRule _rule = new();

    private static EnforcementCase Seizure()
    {
        var c = Case(CaseKind.Coercion, Day);
        c.IsHighRisk = true;
        return c;
    }

    [Fact]
    public void BeforeTheAct_NothingToRecord() => Assert.Null(_rule.Check(Seizure(), Context(Day)));

    [Fact]
    public void ActWithoutAudioVideo_Breaks() => Assert.NotNull(_rule.Check(Seizure().With(MilestoneKind.Investigated, Day), Context(Day)));

    [Fact]
    public void ActWithAudioVideo_Holds()
    {
        var c = Seizure().With(MilestoneKind.Investigated, Day);
        c.Records.Add(new ProcessRecord { IsAudioVideo = true, DocumentKind = "音像记录" });
        Assert.Null(_rule.Check(c, Context(Day)));
    }

    [Fact]
    public void DocumentsOnly_DoNotCount()
    {
        var c = Seizure().With(MilestoneKind.Investigated, Day);
        c.Records.Add(new ProcessRecord { IsAudioVideo = false, DocumentKind = "查封决定书" });
        Assert.NotNull(_rule.Check(c, Context(Day)));
    }
}
