using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

public sealed class ReviewRuleTests
{
    private static readonly DateOnly Filed = new(2026, 3, 2);
    private static readonly DateOnly Decided = new(2026, 4, 1);
    private readonly ReviewRule _rule = new();

    private static EnforcementCase Big(decimal fine) => Case(filed: Filed, fine: fine).With(MilestoneKind.Notified, Filed.AddDays(5));

    private static LegalReview Review(ReviewOutcome outcome, DateOnly on) => new() { Outcome = outcome, ReviewedOn = on };

    [Fact]
    public void AtTheCatalogueAmount_WithoutReview_Breaks_AndBlocks()
    {
        var c = Big(100_000m);
        Assert.True(ReviewRule.Blocks(c, new LegalityThresholds()));
        Assert.Contains("未经法制审核", _rule.Check(c.With(MilestoneKind.Decided, Decided), Context(Decided))!.Message);
    }

    [Fact]
    public void BelowTheCatalogueAmount_NeedsNoReview()
    {
        var c = Big(99_999m);
        Assert.False(ReviewRule.Blocks(c, new LegalityThresholds()));
        Assert.Null(_rule.Check(c.With(MilestoneKind.Decided, Decided), Context(Decided)));
    }

    [Fact]
    public void MajorDecision_NeedsReviewWhateverTheAmount()
    {
        var c = Big(1_000m);
        c.IsMajor = true;
        Assert.True(ReviewRule.Blocks(c, new LegalityThresholds()));
    }

    [Fact]
    public void ReviewNotApproved_Breaks_ApprovedTheSameDay_Holds()
    {
        var c = Big(100_000m);
        c.Reviews.Add(Review(ReviewOutcome.Correct, Decided.AddDays(-3)));
        Assert.True(ReviewRule.Blocks(c, new LegalityThresholds()));
        c.With(MilestoneKind.Decided, Decided);
        Assert.Contains("改正", _rule.Check(c, Context(Decided))!.Message);
        c.Reviews.Add(Review(ReviewOutcome.Approved, Decided));
        Assert.Null(_rule.Check(c, Context(Decided)));
    }

    [Fact]
    public void ApprovalAfterTheDecision_DoesNotCount()
    {
        var c = Big(100_000m).With(MilestoneKind.Decided, Decided);
        c.Reviews.Add(Review(ReviewOutcome.Approved, Decided.AddDays(1)));
        Assert.NotNull(_rule.Check(c, Context(Decided.AddDays(1))));
    }
}
