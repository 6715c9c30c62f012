using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Tests.Platform;

public sealed class AuditChainTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task SeededChain_Verifies_AndTamperingIsFoundAtTheChangedEntry()
    {
        Assert.Null(await app.Db(db => AuditChain.VerifyAsync(db, CancellationToken.None)));

        // Change one entry's recorded "after" image behind the application's back.
        var target = await app.Db(db => db.AuditEntries.OrderBy(a => a.Sequence).Skip(10).Select(a => new { a.Id, a.Sequence }).FirstAsync());
        await app.Db(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = '{{\"Name\":\"篡改\"}}' WHERE \"Id\" = {target.Id}"));

        var broken = await app.Db(db => AuditChain.VerifyAsync(db, CancellationToken.None));
        Assert.NotNull(broken);
        Assert.Equal(target.Sequence, broken.Value.Entry.Sequence);
        Assert.Contains("篡改", broken.Value.Reason, StringComparison.Ordinal);

        // The CLI verb reports the same entry and fails.
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = await Sunlight.Web.Features.Platform.Audit.VerifyAuditCommand.RunAsync(app.Services);
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(1, code);
        Assert.Contains($"第 {target.Sequence} 条", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_CoversEveryField()
    {
        var e = new AuditEntry { Sequence = 1, OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), Actor = "a", EntityType = "T", EntityId = "1", Action = "Create", After = "{}", PreviousHash = AuditChain.Genesis };
        var h = AuditChain.ComputeHash(e);
        Assert.NotEqual(h, AuditChain.ComputeHash(new AuditEntry { Sequence = 1, OccurredAt = e.OccurredAt, Actor = "b", EntityType = "T", EntityId = "1", Action = "Create", After = "{}", PreviousHash = AuditChain.Genesis }));
        Assert.NotEqual(h, AuditChain.ComputeHash(new AuditEntry { Sequence = 2, OccurredAt = e.OccurredAt, Actor = "a", EntityType = "T", EntityId = "1", Action = "Create", After = "{}", PreviousHash = AuditChain.Genesis }));
        Assert.NotEqual(h, AuditChain.ComputeHash(new AuditEntry { Sequence = 1, OccurredAt = e.OccurredAt, Actor = "a", EntityType = "T", EntityId = "1", Action = "Create", After = "{ }", PreviousHash = AuditChain.Genesis }));
    }
}

public sealed class AuditDeletionTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task DeletedEntry_IsDetectedAsAGapInTheSequence()
    {
        var target = await app.Db(db => db.AuditEntries.OrderBy(a => a.Sequence).Skip(20).Select(a => new { a.Id, a.Sequence }).FirstAsync());
        await app.Db(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {target.Id}"));
        var broken = await app.Db(db => AuditChain.VerifyAsync(db, CancellationToken.None));
        Assert.NotNull(broken);
        Assert.Equal(target.Sequence + 1, broken.Value.Entry.Sequence);
    }

    [Fact]
    public async Task ConcurrentWriters_KeepOneUnbrokenChain()
    {
        using var client = await app.ClientFor("supervisor");
        var before = await app.Db(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        var ids = await app.Db(db => db.Enterprises.OrderBy(e => e.Id).Skip(100).Take(8).Select(e => e.Id).ToListAsync());
        await Task.WhenAll(ids.Select(async id =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
            var e = await db.Enterprises.SingleAsync(x => x.Id == id);
            e.Phone = "13900000000";
            await db.SaveChangesAsync();
        }));
        var entries = await app.Db(db => db.AuditEntries.Where(a => a.Sequence > before).OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(ids.Count, entries.Count);
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => before + i), entries.Select(e => e.Sequence));
    }
}
