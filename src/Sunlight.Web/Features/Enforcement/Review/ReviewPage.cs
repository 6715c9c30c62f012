using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Review;

/// <summary>法制审核 in the browser, for the unit's legal reviewer.</summary>
[Authorize(Policy = EnforcementPolicies.Review)]
internal sealed class ReviewModel(ReviewCase review, CaseQueries queries) : CaseStepPage<ReviewInput, EnforcementCase>(queries)
{
    protected override Task<Outcome<EnforcementCase>> RunAsync(long id, CancellationToken ct) => review.RunAsync(Input is null ? null : Input with { Id = id }, ct);

    protected override string Done(EnforcementCase c) => $"已记录法制审核意见：{EnforcementNames.Outcome(c.LatestReview!.Outcome)}。";
}
