using FluentValidation;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Features.Complaints.Intake;

/// <summary>What a reporter (or staff on their behalf) submits. <c>Category</c> is the category code.</summary>
internal sealed record ComplaintSubmission(
    string? Category, string? Description, long? UnitId = null, string? EnterpriseName = null, string? EnterpriseUscc = null,
    DateOnly? OccurredOn = null, bool Anonymous = false, string? ReporterName = null, string? ReporterPhone = null,
    string? ReporterEmail = null, string? IntakePoint = null,
    [property: System.Text.Json.Serialization.JsonIgnore] ComplaintLocation? Location = null) : IComplaintMatter;

/// <summary>Where the matter happened and a picture's address, as an Open311 client sends them (all optional; set by
/// the Open311 endpoint only, not bound from the public JSON API).</summary>
internal sealed record ComplaintLocation(double? Latitude, double? Longitude, string? Address, string? AddressId, string? MediaUrl);

/// <summary>The matter and the reporter's contact, as every channel's input carries them.</summary>
internal interface IComplaintMatter
{
    /// <summary>Only when the person chose it (a missing field is not a choice): contact details are never dropped silently.</summary>
    bool Anonymous { get; }
    string? Category { get; }
    string? Description { get; }
    string? EnterpriseName { get; }
    string? EnterpriseUscc { get; }
    string? ReporterName { get; }
    string? ReporterPhone { get; }
    string? ReporterEmail { get; }
}

/// <summary>An uploaded file before it is checked and stored.</summary>
internal sealed record IncomingFile(string FileName, long Length, Func<Stream> Open);

/// <summary>How a complaint came in: the channel, and for staff entry where and by whom it was taken.</summary>
internal sealed record IntakeSource(ComplaintChannel Channel, string? Place = null);

internal sealed record IntakeReceipt(long Id, string TrackingCode, string Pin, string Open311Token);

/// <summary>The rules of a complaint's matter, the same for the public form, Open311 and staff entry.</summary>
internal sealed class ComplaintMatterRules<T> : AbstractValidator<T> where T : IComplaintMatter
{
    public ComplaintMatterRules(ComplaintOptions options)
    {
        var max = options.MaxDescriptionLength;
        RuleFor(x => x.Category).NotEmpty().WithMessage("请选择投诉类别").MaximumLength(ComplaintCategoryConfiguration.CodeLength).WithMessage("投诉类别无效");
        RuleFor(x => x.Description).NotEmpty().WithMessage("请填写投诉的具体情况")
            .MaximumLength(max).WithMessage($"情况描述不能超过 {max} 字");
        RuleFor(x => x.EnterpriseName).MaximumLength(200).WithMessage("企业名称不能超过 200 字");
        RuleFor(x => x.EnterpriseUscc).Custom((code, ctx) =>
        {
            if (!string.IsNullOrWhiteSpace(code) && Uscc.Validate(Uscc.Normalize(code)) is { } error)
            {
                ctx.AddFailure("enterpriseUscc", error);
            }
        });
        RuleFor(x => x.ReporterName).MaximumLength(50).WithMessage("姓名不能超过 50 字");
        RuleFor(x => x.ReporterPhone).MaximumLength(30).WithMessage("电话不能超过 30 个字符")
            .Matches(@"^[0-9+\-\s()转]*$").WithMessage("电话号码格式不正确");
        RuleFor(x => x.ReporterEmail).MaximumLength(100).WithMessage("电子邮箱不能超过 100 个字符")
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ReporterEmail)).WithMessage("电子邮箱格式不正确");
        RuleFor(x => x.Anonymous).Equal(false)
            .When(x => !string.IsNullOrWhiteSpace(x.ReporterName) || !string.IsNullOrWhiteSpace(x.ReporterPhone) || !string.IsNullOrWhiteSpace(x.ReporterEmail))
            .WithMessage("选择了匿名投诉又填写了姓名或联系方式：需要回访请取消“匿名”，否则请清空联系方式");
    }
}

internal sealed class ComplaintSubmissionValidator : AbstractValidator<ComplaintSubmission>
{
    public ComplaintSubmissionValidator(Microsoft.Extensions.Options.IOptions<ComplaintOptions> options)
    {
        Include(new ComplaintMatterRules<ComplaintSubmission>(options.Value));
        RuleFor(x => x.IntakePoint).MaximumLength(20).WithMessage("征集点编号无效");
        RuleFor(x => x.Location!).SetValidator(new ComplaintLocationValidator()).When(x => x.Location is not null);
    }
}

internal sealed class ComplaintLocationValidator : AbstractValidator<ComplaintLocation>
{
    public ComplaintLocationValidator()
    {
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90).WithMessage("纬度应在 -90 到 90 之间");
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180).WithMessage("经度应在 -180 到 180 之间");
        RuleFor(x => x.Latitude).NotNull().When(x => x.Longitude is not null).WithMessage("经纬度须同时提供");
        RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null).WithMessage("经纬度须同时提供");
        RuleFor(x => x.Address).OptionalText("地点", ComplaintConfiguration.AddressLength);
        RuleFor(x => x.AddressId).OptionalText("地址编号", ComplaintConfiguration.AddressIdLength);
        RuleFor(x => x.MediaUrl).OptionalText("图片地址", ComplaintConfiguration.MediaUrlLength)
            .Must(u => u is null || Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("图片地址须为 http 或 https 网址");
    }
}
