using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Complaints.Intake;

/// <summary>
/// Files a complaint from any channel: the public form and API, QR intake points, Open311 and staff entry.
/// Checks everything (text, category, unit, point, files) before anything is written; then the files go to disk and the
/// complaint to the database (public channels through the batching <see cref="IntakeWriter"/>).
/// </summary>
internal sealed class SubmitComplaint(
    SunlightDbContext db, IValidator<ComplaintSubmission> validator, IOptions<ComplaintOptions> options, AttachmentStore files,
    ReporterVault vault, WorkingCalendar calendar, TimeProvider clock, IntakeWriter writer, IConfiguration config, Categories.ActiveCategories categories)
{
    public async Task<Outcome<IntakeReceipt>> SubmitAsync(ComplaintSubmission input, IReadOnlyList<IncomingFile> uploads, IntakeSource source, bool staffEntry, CancellationToken ct)
    {
        var o = options.Value;
        var result = await validator.ValidateAsync(input, ct);
        var errors = result.ToDictionary();
        if (uploads.Count > o.MaxAttachments)
        {
            errors["attachments"] = [$"附件最多 {o.MaxAttachments} 个"];
        }
        else if (uploads.FirstOrDefault(f => f.Length > o.MaxAttachmentBytes) is { } big)
        {
            errors["attachments"] = [$"附件“{big.FileName}”超过 {o.MaxAttachmentBytes / 1024 / 1024} MB"];
        }
        if (errors.Count > 0)
        {
            return new Outcome<IntakeReceipt>(null, errors);
        }

        var code = input.Category!.Trim();
        var categoryId = await categories.FindAsync(db, code, ct);
        if (categoryId is null)
        {
            return Outcome<IntakeReceipt>.Invalid("category", "投诉类别不存在或已停用");
        }
        if (input.UnitId is { } unitId && !await db.PublicUnits().AnyAsync(u => u.Id == unitId && u.Kind == UnitKind.Enforcement && u.IsActive, ct))
        {
            return Outcome<IntakeReceipt>.Invalid("unitId", "被投诉单位不存在");
        }
        IntakePoint? point = null;
        if (!string.IsNullOrWhiteSpace(input.IntakePoint))
        {
            var pointCode = input.IntakePoint.Trim().ToUpperInvariant();
            point = await db.PublicLookup<IntakePoint>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == pointCode && p.IsActive, ct);
            if (point is null)
            {
                return Outcome<IntakeReceipt>.Invalid("intakePoint", "该征集点不存在或已停用，请重新扫描二维码");
            }
        }
        if (input.OccurredOn is { } on && on > ChinaTime.Today(clock))
        {
            return Outcome<IntakeReceipt>.Invalid("occurredOn", "发生日期不能晚于今天");
        }

        // Every file is checked (size, then type by content) before any is stored: a refused upload leaves nothing behind.
        var checkedUploads = new List<Upload>();
        foreach (var file in uploads)
        {
            var upload = new Upload(file.FileName, file.Length, file.Open);
            string? type;
            await using (var head = upload.Open())
            {
                type = file.Length == 0 ? null : AttachmentStore.Sniff(head, file.FileName);
            }
            if (type is not ("image/jpeg" or "image/png" or "application/pdf"))
            {
                return Outcome<IntakeReceipt>.Invalid("attachments", $"附件“{Path.GetFileName(file.FileName)}”不是允许的文件类型（仅限 JPG、PNG 图片或 PDF）。");
            }
            checkedUploads.Add(upload);
        }
        var stored = new List<StoredFile>();
        foreach (var upload in checkedUploads)
        {
            stored.Add(await files.StoreAsync(upload, staffEntry ? db.Scope.ActorName : "公众", ct));
        }

        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var acceptDue = calendar.AddWorkingDays(today, o.AcceptWorkingDays);
        var pin = ComplaintCodes.NewPin();
        var identity = input.Anonymous ? null : new ReporterIdentity(Blank(input.ReporterName), Blank(input.ReporterPhone), Blank(input.ReporterEmail));
        var channel = point is not null && source.Channel == ComplaintChannel.WebForm ? ComplaintChannel.IntakePoint : source.Channel;
        var complaint = new Complaint
        {
            RegionCode = point?.RegionCode ?? db.Scope.RegionCode ?? config["Sunlight:RegionCode"] ?? "359901",
            TrackingCode = ComplaintCodes.NewTrackingCode(),
            PinHash = ComplaintCodes.HashPin(pin),
            Open311Token = ComplaintCodes.NewToken(),
            Channel = channel,
            IntakePointId = point?.Id,
            IntakePlace = point is not null ? $"{point.Name}（{point.Place}）" : Blank(source.Place),
            CategoryId = categoryId.Value,
            ComplainedUnitId = input.UnitId,
            EnterpriseName = Blank(input.EnterpriseName),
            EnterpriseUscc = string.IsNullOrWhiteSpace(input.EnterpriseUscc) ? null : Uscc.Normalize(input.EnterpriseUscc),
            Description = input.Description!,
            OccurredOn = input.OccurredOn,
            IsAnonymous = identity is null || identity.IsEmpty,
            ReporterProtected = vault.Protect(identity),
            Latitude = input.Location?.Latitude,
            Longitude = input.Location?.Longitude,
            Address = Blank(input.Location?.Address),
            AddressId = Blank(input.Location?.AddressId),
            MediaUrl = Blank(input.Location?.MediaUrl),
            ReceivedAt = now,
            LastChangedAt = now,
            AcceptDueDate = acceptDue.Date,
            AcceptDueUncertain = acceptDue.Uncertain,
        };
        complaint.Attachments.AddRange(stored.Select(f => new ComplaintAttachment { Sha256 = f.Sha256, FileName = f.FileName, ContentType = f.ContentType, Size = f.Size }));
        complaint.Events.Add(new ComplaintEvent
        {
            At = now, Actor = staffEntry ? db.Scope.ActorName : "投诉人", Kind = "收到投诉", IsPublic = true,
            Text = $"通过{ComplaintText.Channel(channel)}收到投诉，应于 {acceptDue.Date:yyyy-MM-dd} 前受理。",
        });

        if (staffEntry)
        {
            db.Set<Complaint>().Add(complaint);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await writer.WriteAsync(complaint, ct);
        }
        return new Outcome<IntakeReceipt>(new IntakeReceipt(complaint.Id, complaint.TrackingCode, pin, complaint.Open311Token));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
