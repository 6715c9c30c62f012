using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;

using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Tests.Platform;

/// <summary>Issue #9: `backup &lt;file&gt;` while the app runs, `restore &lt;file&gt; [--force]` into an empty data folder.</summary>
public sealed class BackupTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>The same executable's services, configured for another database and data folder, not started.</summary>
    private static WebApplication Offline(string connection, string dataDirectory)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Sunlight:Database:Provider"] = TestDatabases.Provider.ToString();
        builder.Configuration["ConnectionStrings:Sunlight"] = connection;
        builder.Configuration["Sunlight:DataDirectory"] = dataDirectory;
        Sunlight.Web.SunlightApp.AddSunlight(builder.Services, builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Backup_WhileRunning_ThenRestore_IntoAnEmptyFolder_FindsEveryRow_TheFiles_AndAnIntactChain()
    {
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("profit-driven"), "category" }, { new StringContent("备份测试：执法人员收费不开票。"), "description" }, { new StringContent("true"), "anonymous" } };
        form.Add(new ByteArrayContent(Png), "attachments", "现场.png");
        var receipt = await HttpAssert.Ok<IntakeResponse>(await client.PostAsync("/api/v1/public/complaints", form), HttpStatusCode.Created);
        var (complaints, attachments, audit) = await app.Db(async db => (await db.Set<Complaint>().CountAsync(), await db.Set<ComplaintAttachment>().CountAsync(), await db.AuditEntries.CountAsync()));
        var id = await Sunlight.Tests.Complaints.ComplaintTestKit.IdOf(app, receipt.TrackingCode);
        var sha = await app.Db(db => db.Set<ComplaintAttachment>().Where(a => a.ComplaintId == id).Select(a => a.Sha256).SingleAsync());

        var folder = Path.Combine(TestDatabases.Root, "backup-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "sunlight.backup");
        Assert.Equal(0, await BackupCommand.BackupAsync(app.Services, file));
        Assert.True(File.Exists(file));

        var dataDirectory = Path.Combine(folder, "restored-data");
        await using var restored = Offline(await TestDatabases.CreateEmptyAsync("rs" + Guid.NewGuid().ToString("N")[..12]), dataDirectory);
        Assert.Equal(0, await BackupCommand.RestoreAsync(restored.Services, file, force: false));

        using (var scope = restored.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
            Assert.Equal((complaints, attachments, audit),
                (await db.Set<Complaint>().IgnoreQueryFilters().CountAsync(), await db.Set<ComplaintAttachment>().IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync()));
            Assert.True(await db.Set<Complaint>().IgnoreQueryFilters().AnyAsync(c => c.TrackingCode == receipt.TrackingCode));
            Assert.Null(await AuditChain.VerifyAsync(db, CancellationToken.None));
        }
        Assert.Equal(Png, await File.ReadAllBytesAsync(Path.Combine(dataDirectory, "files", sha[..2], sha)));

        // The restored database now holds data: a second restore must be forced.
        Assert.Equal(1, await BackupCommand.RestoreAsync(restored.Services, file, force: false));
        Assert.Equal(0, await BackupCommand.RestoreAsync(restored.Services, file, force: true));
    }
}
