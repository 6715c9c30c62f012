using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>
/// The public intake writes its rows and audit entries in batches (IntakeWriter, RowInserter + AuditChain.ChainAsync);
/// staff entry goes through the SaveChanges capture. A complaint's Create entry must read the same either way.
/// </summary>
public sealed class IntakeAuditTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<AuditEntry> CreateEntryAsync(long id) => app.Db(db => db.Set<AuditEntry>().AsNoTracking()
        .SingleAsync(e => e.EntityType == nameof(Complaint) && e.EntityId == id.ToString() && e.Action == "Create"));

    [Fact]
    public async Task PublicAndStaffIntake_WriteCreateEntriesOfTheSameShape()
    {
        var publicId = await IdOf(app, (await FileAsync(app)).TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        var staff = await HttpAssert.Ok<IntakeResponse>(await supervisor.PostJson("/api/v1/complaints", new
        {
            channel = "Phone", category = "profit-driven", description = "来电反映执法人员多次检查罚款。", anonymous = false,
            reporterName = SecretName, reporterPhone = SecretPhone, place = "12345 转办",
        }), HttpStatusCode.Created);
        var staffId = await IdOf(app, staff.TrackingCode);

        var fromPublic = await CreateEntryAsync(publicId);
        var fromStaff = await CreateEntryAsync(staffId);

        Assert.Equal((nameof(Complaint), "Create"), (fromPublic.EntityType, fromPublic.Action));
        Assert.Equal(publicId.ToString(), fromPublic.EntityId);
        Assert.Equal(staffId.ToString(), fromStaff.EntityId);
        Assert.Null(fromPublic.Before);
        Assert.Null(fromStaff.Before);
        using var p = JsonDocument.Parse(fromPublic.After!);
        using var s = JsonDocument.Parse(fromStaff.After!);
        Assert.Equal(Keys(s.RootElement), Keys(p.RootElement));
        // Every value has the same JSON kind and format either way: enums by name, dates and times as the capture writes them.
        foreach (var key in Keys(p.RootElement))
        {
            var (a, b) = (p.RootElement.GetProperty(key), s.RootElement.GetProperty(key));
            if (a.ValueKind != JsonValueKind.Null && b.ValueKind != JsonValueKind.Null)
            {
                Assert.True(a.ValueKind == b.ValueKind, $"{key}: {a.GetRawText()} vs {b.GetRawText()}");
                Assert.True(Format(a) == Format(b), $"{key}: {a.GetRawText()} vs {b.GetRawText()}");
            }
        }
        Assert.Equal((nameof(ComplaintChannel.WebForm), nameof(ComplaintState.Received)),
            (p.RootElement.GetProperty("Channel").GetString(), p.RootElement.GetProperty("State").GetString()));
        Assert.Equal((nameof(ComplaintChannel.Phone), nameof(ComplaintState.Received)),
            (s.RootElement.GetProperty("Channel").GetString(), s.RootElement.GetProperty("State").GetString()));
    }

    private static List<string> Keys(JsonElement e) => e.EnumerateObject().Select(x => x.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>The shape of a value: its kind; for dates and times the pattern of their digits (how the capture writes them).</summary>
    private static string Format(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String when Guid.TryParse(e.GetString(), out _) => "guid",
        JsonValueKind.String when DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, out _) =>
            new string(e.GetString()!.Select(c => char.IsAsciiDigit(c) ? '9' : c).ToArray()),
        var kind => kind.ToString(),
    };

    [Fact]
    public async Task PublicAndStaffIntake_KeepSecretsOutOfTheAuditLog()
    {
        var publicId = await IdOf(app, (await FileAsync(app)).TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        var staff = await HttpAssert.Ok<IntakeResponse>(await supervisor.PostJson("/api/v1/complaints", new
        {
            channel = "Phone", category = "profit-driven", description = "来电反映执法人员多次检查罚款。", anonymous = false,
            reporterName = SecretName, reporterPhone = SecretPhone,
        }), HttpStatusCode.Created);
        var staffId = await IdOf(app, staff.TrackingCode);

        foreach (var id in new[] { publicId, staffId })
        {
            var stored = await app.Db(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == id));
            var after = (await CreateEntryAsync(id)).After!;
            using var json = JsonDocument.Parse(after);
            foreach (var (name, secret) in new[] { ("PinHash", stored.PinHash), ("Open311Token", stored.Open311Token), ("ReporterProtected", stored.ReporterProtected!) })
            {
                Assert.False(string.IsNullOrEmpty(secret), $"{name} should be set on complaint {id}");
                Assert.DoesNotContain(secret, after, StringComparison.Ordinal);
                Assert.Equal(AuditCapture.Hidden, json.RootElement.GetProperty(name).GetString());
            }
        }
    }
}
