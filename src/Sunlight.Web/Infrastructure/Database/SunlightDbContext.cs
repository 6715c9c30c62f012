using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Identity;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Infrastructure.Database;

/// <summary>
/// The one DbContext. Provider-specific subclasses exist only so each provider keeps its own migrations.
/// Every query is limited by the caller's <see cref="CallerScope"/> through global query filters.
/// </summary>
internal abstract class SunlightDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly CallerScope _scope;
    private readonly TimeProvider _clock;
    private readonly List<PendingAudit> _manualAudit = [];

    protected SunlightDbContext(DbContextOptions options, CallerScope? scope, TimeProvider? clock)
        : base(options)
    {
        _scope = scope ?? CallerScope.System;
        _clock = clock ?? TimeProvider.System;
    }

    internal CallerScope Scope => _scope;

    public DbSet<EnforcementUnit> Units => Set<EnforcementUnit>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<EnforcementItem> EnforcementItems => Set<EnforcementItem>();
    public DbSet<InspectionItem> InspectionItems => Set<InspectionItem>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Enforcement.EnforcementCase> EnforcementCases => Set<Features.Enforcement.EnforcementCase>();
    public DbSet<Features.Enforcement.Warning> Warnings => Set<Features.Enforcement.Warning>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(Assembly.GetExecutingAssembly(), t => !t.IsAbstract);
        builder.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(AppUser.DisplayNameLength);
            u.Property(x => x.Uscc).HasMaxLength(18);
            u.Property(x => x.RegionCode).HasMaxLength(6);
        });
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        ApplyScopeFilters(builder);
        ApplyEnterpriseScope(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>
    /// The one scoping mechanism: every unit-owned set is filtered by the caller's unit, every county row by region,
    /// enterprises by the enterprise account's USCC. Another unit's record is simply not found (404).
    /// "Not restricted on this axis" is <c>EF.Parameter(x) == null</c>: EF knows each parameter's null-ness when it builds
    /// the command, drops the always-true branch and caches one command per null/non-null shape, so the SQL reads
    /// <c>"RegionCode" = @region</c> and can use the (RegionCode, ...) indexes. A plain <c>x == null</c> becomes one boolean
    /// parameter (<c>@p OR "RegionCode" = @region</c>), through which SQLite scans the whole table; <c>EF.Constant</c> gave the
    /// same SQL but cost ~0.45 ms per query (bench registry-list --breakdown).
    /// </summary>
    private void ApplyScopeFilters(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var clr = entityType.ClrType;
            if (typeof(IUnitOwned).IsAssignableFrom(clr))
            {
                typeof(SunlightDbContext).GetMethod(nameof(FilterUnitOwned), BindingFlags.NonPublic | BindingFlags.Instance)!
                    .MakeGenericMethod(clr).Invoke(this, [builder]);
            }
            else if (typeof(IUserOwned).IsAssignableFrom(clr))
            {
                typeof(SunlightDbContext).GetMethod(nameof(FilterUserOwned), BindingFlags.NonPublic | BindingFlags.Instance)!
                    .MakeGenericMethod(clr).Invoke(this, [builder]);
            }
            else if (typeof(IRegionOwned).IsAssignableFrom(clr) && clr != typeof(Enterprise))
            {
                typeof(SunlightDbContext).GetMethod(nameof(FilterRegionOwned), BindingFlags.NonPublic | BindingFlags.Instance)!
                    .MakeGenericMethod(clr).Invoke(this, [builder]);
            }
        }

        builder.Entity<EnforcementUnit>().HasQueryFilter(u =>
            (EF.Parameter(_scope.RegionCode) == null || u.RegionCode == _scope.RegionCode) &&
            (EF.Parameter(_scope.UnitId) == null || u.Id == _scope.UnitId) &&
            (EF.Parameter(_scope.InspectorName) == null
                || Set<SupervisoryInspection>().Any(i => i.UnitId == u.Id) || Set<CaseFileReview>().Any(r => r.UnitId == u.Id)));
        builder.Entity<Enterprise>().HasQueryFilter(e =>
            (EF.Parameter(_scope.RegionCode) == null || e.RegionCode == _scope.RegionCode) &&
            (EF.Parameter(_scope.Uscc) == null || e.Uscc == _scope.Uscc));
        FilterInspectorCampaigns(builder);
    }

    private void FilterUnitOwned<T>(ModelBuilder builder) where T : class, IUnitOwned =>
        builder.Entity<T>().HasQueryFilter(e =>
            (EF.Parameter(_scope.RegionCode) == null || e.RegionCode == _scope.RegionCode) &&
            (EF.Parameter(_scope.UnitId) == null || e.UnitId == _scope.UnitId) &&
            (EF.Parameter(_scope.InspectorName) == null
                || Set<SupervisoryInspection>().Any(i => i.UnitId == e.UnitId) || Set<CaseFileReview>().Any(r => r.UnitId == e.UnitId)));

    /// <summary>
    /// An Inspector (<see cref="CallerScope.InspectorName"/>) sees the campaigns whose team they are on, the inspections
    /// assigned to them with those units' self-inspections, and their campaigns' review files; the units they see are those of
    /// their inspections and review files (every unit-owned row above follows them: registry, problems, cases).
    /// These filters replace the ones the loop gave these entities; each ends where the others start, so none cycles.
    /// </summary>
    private void FilterInspectorCampaigns(ModelBuilder builder)
    {
        builder.Entity<Campaign>().HasQueryFilter(c =>
            (EF.Parameter(_scope.RegionCode) == null || c.RegionCode == _scope.RegionCode) &&
            (EF.Parameter(_scope.InspectorName) == null || Set<TeamMember>().Any(m => m.CampaignId == c.Id && m.UserName == _scope.InspectorName)));
        builder.Entity<SupervisoryInspection>().HasQueryFilter(i =>
            (EF.Parameter(_scope.RegionCode) == null || i.RegionCode == _scope.RegionCode) &&
            (EF.Parameter(_scope.UnitId) == null || i.UnitId == _scope.UnitId) &&
            (EF.Parameter(_scope.InspectorName) == null
                || i.Members.Any(a => Set<TeamMember>().Any(m => m.Id == a.TeamMemberId && m.UserName == _scope.InspectorName))));
        builder.Entity<CaseFileReview>().HasQueryFilter(r =>
            (EF.Parameter(_scope.RegionCode) == null || r.RegionCode == _scope.RegionCode) &&
            (EF.Parameter(_scope.UnitId) == null || r.UnitId == _scope.UnitId) &&
            (EF.Parameter(_scope.InspectorName) == null || Set<ReviewPlan>().Any(p => p.Id == r.PlanId && Set<Campaign>().Any(c => c.Id == p.CampaignId))));
        builder.Entity<SelfInspection>().HasQueryFilter(s =>
            (EF.Parameter(_scope.RegionCode) == null || s.RegionCode == _scope.RegionCode) &&
            (EF.Parameter(_scope.UnitId) == null || s.UnitId == _scope.UnitId) &&
            (EF.Parameter(_scope.InspectorName) == null || Set<SupervisoryInspection>().Any(i => i.CampaignId == s.CampaignId && i.UnitId == s.UnitId)));
    }

    private void FilterUserOwned<T>(ModelBuilder builder) where T : class, IUserOwned =>
        builder.Entity<T>().HasQueryFilter(e => EF.Parameter(_scope.UserId) == null || e.UserId == _scope.UserId);

    private void FilterRegionOwned<T>(ModelBuilder builder) where T : class, IRegionOwned =>
        builder.Entity<T>().HasQueryFilter(e => EF.Parameter(_scope.RegionCode) == null || e.RegionCode == _scope.RegionCode);

    /// <summary>
    /// An Enterprise account's scope, on top of the filters above (which give it its county only): every
    /// <see cref="IEnterpriseLinked"/> row is narrowed to the rows about its own enterprise — by USCC, or by the registry id
    /// of the enterprise with its USCC. Callers with no USCC in their scope are not narrowed (EF drops the branch).
    /// </summary>
    private void ApplyEnterpriseScope(ModelBuilder builder)
    {
        Expression<Func<string?, bool>> byUscc = uscc => EF.Parameter(_scope.Uscc) == null || uscc == _scope.Uscc;
        Expression<Func<long, bool>> byId = id => EF.Parameter(_scope.Uscc) == null || Set<Enterprise>().Any(x => x.Id == id && x.Uscc == _scope.Uscc);
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(IEnterpriseLinked).IsAssignableFrom(t.ClrType)).ToList())
        {
            var key = (string)typeof(SunlightDbContext).GetMethod(nameof(EnterpriseKeyOf), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(entityType.ClrType).Invoke(null, null)!;
            var row = Expression.Parameter(entityType.ClrType, "e");
            var enterprise = Expression.Property(row, key);
            LambdaExpression narrow = enterprise.Type == typeof(long) ? byId : byUscc;
            var own = new Substitute(narrow.Parameters[0], enterprise).Visit(narrow.Body);
            var filters = entityType.GetDeclaredQueryFilters();
            if (filters.Any(f => !f.IsAnonymous))
            {
                builder.Entity(entityType.ClrType).HasQueryFilter("Enterprise", Expression.Lambda(own, row));
                continue;
            }
            var existing = filters.SingleOrDefault()?.Expression;
            var body = existing is null ? own : Expression.AndAlso(new Substitute(existing.Parameters[0], row).Visit(existing.Body), own);
            builder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(body, row));
        }
    }

    private static string EnterpriseKeyOf<T>() where T : IEnterpriseLinked => T.EnterpriseKey;

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }

        var pending = AuditCapture.Capture(ChangeTracker);
        pending.AddRange(_manualAudit);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The rows and their audit entries commit together, or not at all.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AuditChain.AppendAsync(this, pending, _scope.ActorName, _clock.GetUtcNow(), cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            // A failed save drops its manual entries too: they describe the change that did not happen.
            _manualAudit.Clear();
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Queues an audit entry for an action on a row that is not <see cref="IAuditable"/> (user accounts: Identity writes
    /// them on every sign-in). It joins the chain in the next <c>SaveChangesAsync</c>, in the same transaction as the
    /// changed rows. Never pass secrets (passwords, hashes, tokens) in <paramref name="before"/>/<paramref name="after"/>.
    /// </summary>
    internal void RecordAudit(string entityType, string entityId, string action,
        IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after) =>
        _manualAudit.Add(PendingAudit.Manual(entityType, entityId, action,
            before is null ? null : AuditCapture.Serialize(before), after is null ? null : AuditCapture.Serialize(after)));

    internal Task<int> SaveWithoutAuditAsync(CancellationToken ct) => base.SaveChangesAsync(true, ct);

    /// <summary>Takes the county-wide lock that serialises audit-chain appends across app instances.</summary>
    internal abstract Task LockAuditChainAsync(CancellationToken ct);
}
