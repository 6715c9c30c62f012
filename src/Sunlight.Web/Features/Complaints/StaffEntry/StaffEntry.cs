using System.Text.Json.Serialization;
using FluentValidation;
using MimeKit;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Features.Complaints.StaffEntry;

/// <summary>A complaint taken by staff (接听、来信、来访、12345 转办 ...): the submission plus the channel and where it came in.</summary>
internal sealed record StaffComplaintInput(
    ComplaintChannel Channel, string? Category, string? Description, long? UnitId = null, string? EnterpriseName = null,
    string? EnterpriseUscc = null, DateOnly? OccurredOn = null, bool Anonymous = false, string? ReporterName = null,
    string? ReporterPhone = null, string? ReporterEmail = null, string? Place = null) : IComplaintMatter
{
    /// <summary>Files that came with it (an .eml message's attachments); the JSON API takes none.</summary>
    [JsonIgnore] public IReadOnlyList<IncomingFile> Files { get; init; } = [];

    public ComplaintSubmission ToSubmission() =>
        new(Category, Description, UnitId, EnterpriseName, EnterpriseUscc, OccurredOn, Anonymous, ReporterName, ReporterPhone, ReporterEmail);
}

internal sealed class StaffComplaintInputValidator : AbstractValidator<StaffComplaintInput>
{
    public StaffComplaintInputValidator(Microsoft.Extensions.Options.IOptions<ComplaintOptions> options)
    {
        Include(new ComplaintMatterRules<StaffComplaintInput>(options.Value));
        RuleFor(x => x.Channel).Must(c => c is ComplaintChannel.Phone or ComplaintChannel.Email or ComplaintChannel.Letter or ComplaintChannel.WalkIn or ComplaintChannel.Hotline12345)
            .WithMessage("人工登记的渠道应为电话、电子邮箱、来信、来访或 12345 热线转办");
        RuleFor(x => x.Place).OptionalText("来源说明", ComplaintConfiguration.PlaceLength);
    }
}

/// <summary>
/// Staff entry of phone, mail, letter, walk-in and 12345 complaints, and turning an .eml message into one; the matter
/// itself is checked and filed by <see cref="SubmitComplaint"/> like every channel's.
/// </summary>
internal sealed class EnterComplaint(SubmitComplaint submit, IValidator<StaffComplaintInput> validator) : UseCase<StaffComplaintInput, IntakeReceipt>(validator)
{
    protected override Task<Outcome<IntakeReceipt>> HandleAsync(StaffComplaintInput input, CancellationToken ct) =>
        submit.SubmitAsync(input.ToSubmission(), input.Files, new IntakeSource(input.Channel, input.Place), staffEntry: true, ct);

    /// <summary>An e-mail saved as .eml: sender → reporter (kept secret), subject and text → the matter, attachments → files.</summary>
    public async Task<Outcome<IntakeReceipt>> FromEmlAsync(Stream eml, string? category, long? unitId, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(eml, ct);
        }
        catch (FormatException)
        {
            return Outcome<IntakeReceipt>.Invalid("eml", "无法解析该邮件文件，请上传 .eml 格式的邮件");
        }
        var from = message.From.Mailboxes.FirstOrDefault();
        var body = message.TextBody ?? StripTags(message.HtmlBody) ?? "";
        var description = string.IsNullOrWhiteSpace(message.Subject) ? body.Trim() : $"【邮件主题】{message.Subject.Trim()}\n{body.Trim()}";
        var files = new List<IncomingFile>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            var buffer = new MemoryStream();
            if (part.Content is null)
            {
                continue;
            }
            await part.Content.DecodeToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            files.Add(new IncomingFile(part.FileName ?? "附件", bytes.Length, () => new MemoryStream(bytes)));
        }
        var input = new StaffComplaintInput(ComplaintChannel.Email, category ?? "other", description, unitId,
            Anonymous: from is null, ReporterName: from?.Name is { Length: > 0 } n ? n : null, ReporterEmail: from?.Address,
            Place: "投诉邮箱") { Files = files };
        return await RunAsync(input, ct);
    }

    private static string? StripTags(string? html) =>
        html is null ? null : System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " "));
}
