using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnforcementInspectionsCampaignsLeniency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Problems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedOn",
                table: "Problems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedWorkingDays",
                table: "Problems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Complaints",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressId",
                table: "Complaints",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastChangedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Complaints",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Complaints",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaUrl",
                table: "Complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedOn",
                table: "Complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedWorkingDays",
                table: "Complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PinFailures",
                table: "Complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PinLockedUntil",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ScopeSince = table.Column<DateOnly>(type: "date", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SelfInspectionDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Plan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseImportMappings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Columns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseImportMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseImportMappings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PartyKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartyUscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    EnforcementItemId = table.Column<long>(type: "bigint", nullable: true),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FineAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ConfiscationAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    IsOnTheSpot = table.Column<bool>(type: "boolean", nullable: false),
                    IsHighRisk = table.Column<bool>(type: "boolean", nullable: false),
                    IsSevereSanction = table.Column<bool>(type: "boolean", nullable: false),
                    IsMajor = table.Column<bool>(type: "boolean", nullable: false),
                    HarmsLifeOrProperty = table.Column<bool>(type: "boolean", nullable: false),
                    ViolationOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionRevokedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PartyPinHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnforcementCases_EnforcementItems_EnforcementItemId",
                        column: x => x.EnforcementItemId,
                        principalTable: "EnforcementItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnforcementCases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseDoorCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseDoorCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseDoorCodes_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Matter = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidanceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidanceRequests_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionCaps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: true),
                    Industry = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MaxPerYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionCaps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ItemIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    TargetEnterpriseIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    TargetCount = table.Column<int>(type: "integer", nullable: false),
                    Months = table.Column<List<int>>(type: "integer[]", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPlans_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    EnterpriseId = table.Column<long>(type: "bigint", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRatings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JointInspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<long>(type: "bigint", nullable: false),
                    LeadUnitId = table.Column<long>(type: "bigint", nullable: false),
                    UnitIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    ItemIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointInspections_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalityThresholds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: true),
                    Sector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    HearingFinePerson = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    HearingFineOrganisation = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    HearingConfiscationPerson = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    HearingConfiscationOrganisation = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    HearingRequestWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ReviewFinePerson = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ReviewFineOrganisation = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OnTheSpotPerson = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OnTheSpotOrganisation = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DecisionDays = table.Column<int>(type: "integer", nullable: false),
                    ServeDays = table.Column<int>(type: "integer", nullable: false),
                    LimitationYears = table.Column<int>(type: "integer", nullable: false),
                    LimitationYearsHarm = table.Column<int>(type: "integer", nullable: false),
                    DisclosureWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    OtherDisclosureWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    WithdrawalDays = table.Column<int>(type: "integer", nullable: false),
                    ApproachingWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalityThresholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalityThresholds_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeniencyLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeniencyLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeniencyLists_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeniencySettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FirstViolationMonths = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeniencySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Open311Integrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyHint = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RequestsPerMinute = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Open311Integrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuietListEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuietListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuietListEntries_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RandomDraws",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DrawDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Industry = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PublicNonce = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TargetCount = table.Column<int>(type: "integer", nullable: false),
                    InspectorCount = table.Column<int>(type: "integer", nullable: false),
                    RecusedOfficerIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    PoolSize = table.Column<int>(type: "integer", nullable: false),
                    PoolIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    EligibleOfficerIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EnterpriseIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    OfficerIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResultSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResultsPublishedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RandomDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RandomDraws_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Rubrics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExcellentFrom = table.Column<int>(type: "integer", nullable: false),
                    PassFrom = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rubrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTeamMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignTeamMembers_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignUnits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignUnits_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    EnterpriseId = table.Column<long>(type: "bigint", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    OverlappingInspections = table.Column<bool>(type: "boolean", nullable: false),
                    ArbitraryInspections = table.Column<bool>(type: "boolean", nullable: false),
                    ProfitDriven = table.Column<bool>(type: "boolean", nullable: false),
                    Selective = table.Column<bool>(type: "boolean", nullable: false),
                    OneSizeFitsAll = table.Column<bool>(type: "boolean", nullable: false),
                    Account = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UnitId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseVisits_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnterpriseVisits_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnterpriseVisits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfInspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfInspections_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelfInspections_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisoryInspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisoryInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisoryInspections_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupervisoryInspections_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseExtensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseExtensions_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseMilestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseMilestones_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseOfficers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    OfficerId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseOfficers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseOfficers_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseOfficers_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reviewer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectChecked = table.Column<bool>(type: "boolean", nullable: false),
                    QualificationChecked = table.Column<bool>(type: "boolean", nullable: false),
                    ProcedureChecked = table.Column<bool>(type: "boolean", nullable: false),
                    FactsChecked = table.Column<bool>(type: "boolean", nullable: false),
                    BasisChecked = table.Column<bool>(type: "boolean", nullable: false),
                    PowerChecked = table.Column<bool>(type: "boolean", nullable: false),
                    DocumentsChecked = table.Column<bool>(type: "boolean", nullable: false),
                    CrimeTransferChecked = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalReviews_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcessRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DocumentKind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IsAudioVideo = table.Column<bool>(type: "boolean", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StoredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessRecords_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsApproaching = table.Column<bool>(type: "boolean", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DismissReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProblemId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Warnings_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Warnings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    TargetName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TargetUscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Matter = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Form = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Officer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: true),
                    Result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidanceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidanceRecords_GuidanceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "GuidanceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidanceRecords_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    EnterpriseId = table.Column<long>(type: "bigint", nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: true),
                    JointInspectionId = table.Column<long>(type: "bigint", nullable: true),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ItemIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    OfficerIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsBackfill = table.Column<bool>(type: "boolean", nullable: false),
                    BackfillReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedAfterVisit = table.Column<bool>(type: "boolean", nullable: false),
                    Code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Warnings = table.Column<List<string>>(type: "text[]", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ResultNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResultAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_InspectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "InspectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_JointInspections_JointInspectionId",
                        column: x => x.JointInspectionId,
                        principalTable: "JointInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeniencyListItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    ListId = table.Column<long>(type: "bigint", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Form = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeniencyListItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeniencyListItems_LeniencyLists_ListId",
                        column: x => x.ListId,
                        principalTable: "LeniencyLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    RubricId = table.Column<long>(type: "bigint", nullable: false),
                    UnitCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Kinds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FiledFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    FilesPerUnit = table.Column<int>(type: "integer", nullable: false),
                    ReviewersPerFile = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewPlans_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewPlans_Rubrics_RubricId",
                        column: x => x.RubricId,
                        principalTable: "Rubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RubricItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RubricId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Part = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RubricItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RubricItems_Rubrics_RubricId",
                        column: x => x.RubricId,
                        principalTable: "Rubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistPoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistPoints_ChecklistItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupervisoryInspectionId = table.Column<long>(type: "bigint", nullable: false),
                    TeamMemberId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionAssignments_CampaignTeamMembers_TeamMemberId",
                        column: x => x.TeamMemberId,
                        principalTable: "CampaignTeamMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionAssignments_SupervisoryInspections_SupervisoryIns~",
                        column: x => x.SupervisoryInspectionId,
                        principalTable: "SupervisoryInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupervisoryInspectionId = table.Column<long>(type: "bigint", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionVisits_SupervisoryInspections_SupervisoryInspect~",
                        column: x => x.SupervisoryInspectionId,
                        principalTable: "SupervisoryInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExemptionCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ListItemId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ViolationOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Education = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CorrectionDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    SignedLetterFileId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PledgeEvidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PledgeRecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverdueFlaggedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Officer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemptionCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemptionCases_LeniencyListItems_ListItemId",
                        column: x => x.ListItemId,
                        principalTable: "LeniencyListItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemptionCases_StoredFiles_SignedLetterFileId",
                        column: x => x.SignedLetterFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemptionCases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeniencyListConditions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeniencyListConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeniencyListConditions_LeniencyListItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "LeniencyListItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseFileReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    DrawRank = table.Column<int>(type: "integer", nullable: false),
                    IsManual = table.Column<bool>(type: "boolean", nullable: false),
                    FinalScore = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Grade = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Vetoed = table.Column<bool>(type: "boolean", nullable: false),
                    VarianceFlag = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFileReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFileReviews_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseFileReviews_ReviewPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ReviewPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseFileReviews_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupervisoryInspectionId = table.Column<long>(type: "bigint", nullable: false),
                    PointId = table.Column<long>(type: "bigint", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointAssessments_ChecklistPoints_PointId",
                        column: x => x.PointId,
                        principalTable: "ChecklistPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PointAssessments_SupervisoryInspections_SupervisoryInspecti~",
                        column: x => x.SupervisoryInspectionId,
                        principalTable: "SupervisoryInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfInspectionAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelfInspectionId = table.Column<long>(type: "bigint", nullable: false),
                    PointId = table.Column<long>(type: "bigint", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfInspectionAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfInspectionAnswers_ChecklistPoints_PointId",
                        column: x => x.PointId,
                        principalTable: "ChecklistPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfInspectionAnswers_SelfInspections_SelfInspectionId",
                        column: x => x.SelfInspectionId,
                        principalTable: "SelfInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExemptionConditions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemptionConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemptionConditions_ExemptionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ExemptionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseFileDefects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<long>(type: "bigint", nullable: false),
                    RubricItemId = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProblemId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFileDefects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFileDefects_CaseFileReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "CaseFileReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseFileDefects_RubricItems_RubricItemId",
                        column: x => x.RubricItemId,
                        principalTable: "RubricItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<long>(type: "bigint", nullable: false),
                    Reviewer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Vetoed = table.Column<bool>(type: "boolean", nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewScores_CaseFileReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "CaseFileReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScoreId = table.Column<long>(type: "bigint", nullable: false),
                    RubricItemId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreMarks_ReviewScores_ScoreId",
                        column: x => x.ScoreId,
                        principalTable: "ReviewScores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScoreMarks_RubricItems_RubricItemId",
                        column: x => x.RubricItemId,
                        principalTable: "RubricItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // A complaint received before this migration last changed when it was received (at the latest).
            migrationBuilder.Sql("UPDATE \"Complaints\" SET \"LastChangedAt\" = \"ReceivedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RegionCode_LastChangedAt",
                table: "Complaints",
                columns: new[] { "RegionCode", "LastChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_RegionCode_Id",
                table: "Campaigns",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTeamMembers_CampaignId_UserName",
                table: "CampaignTeamMembers",
                columns: new[] { "CampaignId", "UserName" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignUnits_CampaignId_UnitId",
                table: "CampaignUnits",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignUnits_UnitId",
                table: "CampaignUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseExtensions_CaseId",
                table: "CaseExtensions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileDefects_ReviewId",
                table: "CaseFileDefects",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileDefects_RubricItemId",
                table: "CaseFileDefects",
                column: "RubricItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileReviews_CaseId",
                table: "CaseFileReviews",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileReviews_PlanId_CaseId",
                table: "CaseFileReviews",
                columns: new[] { "PlanId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileReviews_UnitId_Id",
                table: "CaseFileReviews",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseImportMappings_UnitId",
                table: "CaseImportMappings",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseMilestones_CaseId_Kind",
                table: "CaseMilestones",
                columns: new[] { "CaseId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseOfficers_CaseId_OfficerId",
                table: "CaseOfficers",
                columns: new[] { "CaseId", "OfficerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseOfficers_OfficerId",
                table: "CaseOfficers",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_CampaignId",
                table: "ChecklistItems",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistPoints_ItemId",
                table: "ChecklistPoints",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_ActCode",
                table: "EnforcementCases",
                column: "ActCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_EnforcementItemId",
                table: "EnforcementCases",
                column: "EnforcementItemId");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_PartyUscc",
                table: "EnforcementCases",
                column: "PartyUscc");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_RegionCode_Id",
                table: "EnforcementCases",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_UnitId_Id",
                table: "EnforcementCases",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_UnitId_Number",
                table: "EnforcementCases",
                columns: new[] { "UnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseDoorCodes_Code",
                table: "EnterpriseDoorCodes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseDoorCodes_EnterpriseId",
                table: "EnterpriseDoorCodes",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseVisits_CampaignId_EnterpriseId",
                table: "EnterpriseVisits",
                columns: new[] { "CampaignId", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseVisits_EnterpriseId",
                table: "EnterpriseVisits",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseVisits_UnitId",
                table: "EnterpriseVisits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_ListItemId",
                table: "ExemptionCases",
                column: "ListItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_RegionCode_Id",
                table: "ExemptionCases",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_SignedLetterFileId",
                table: "ExemptionCases",
                column: "SignedLetterFileId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_State_CorrectionDeadline",
                table: "ExemptionCases",
                columns: new[] { "State", "CorrectionDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_UnitId_Id",
                table: "ExemptionCases",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_UnitId_Number",
                table: "ExemptionCases",
                columns: new[] { "UnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_Uscc_UnitId_DecidedOn",
                table: "ExemptionCases",
                columns: new[] { "Uscc", "UnitId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionConditions_CaseId",
                table: "ExemptionConditions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRecords_RegionCode_Id",
                table: "GuidanceRecords",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRecords_RequestId",
                table: "GuidanceRecords",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRecords_UnitId_Id",
                table: "GuidanceRecords",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRequests_RegionCode_Id",
                table: "GuidanceRequests",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRequests_State_DueOn",
                table: "GuidanceRequests",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRequests_UnitId_Id",
                table: "GuidanceRequests",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRequests_Uscc",
                table: "GuidanceRequests",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionAssignments_SupervisoryInspectionId_TeamMemberId",
                table: "InspectionAssignments",
                columns: new[] { "SupervisoryInspectionId", "TeamMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionAssignments_TeamMemberId",
                table: "InspectionAssignments",
                column: "TeamMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionCaps_RegionCode_UnitId_Industry",
                table: "InspectionCaps",
                columns: new[] { "RegionCode", "UnitId", "Industry" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPlans_UnitId_Year",
                table: "InspectionPlans",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRatings_Code",
                table: "InspectionRatings",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRatings_EnterpriseId",
                table: "InspectionRatings",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Code",
                table: "Inspections",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_EnterpriseId",
                table: "Inspections",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_JointInspectionId",
                table: "Inspections",
                column: "JointInspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_PlanId",
                table: "Inspections",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_RegionCode_EnterpriseId_VisitDate",
                table: "Inspections",
                columns: new[] { "RegionCode", "EnterpriseId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_UnitId_VisitDate",
                table: "Inspections",
                columns: new[] { "UnitId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_JointInspections_Code",
                table: "JointInspections",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JointInspections_EnterpriseId",
                table: "JointInspections",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_JointInspections_RegionCode_EnterpriseId",
                table: "JointInspections",
                columns: new[] { "RegionCode", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalityThresholds_RegionCode_UnitId_Sector",
                table: "LegalityThresholds",
                columns: new[] { "RegionCode", "UnitId", "Sector" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalityThresholds_UnitId",
                table: "LegalityThresholds",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalReviews_CaseId",
                table: "LegalReviews",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LeniencyListConditions_ItemId",
                table: "LeniencyListConditions",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_LeniencyListItems_ListId_Order",
                table: "LeniencyListItems",
                columns: new[] { "ListId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_LeniencyListItems_UnitId_Id",
                table: "LeniencyListItems",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LeniencyLists_RegionCode_Id",
                table: "LeniencyLists",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LeniencyLists_UnitId_Kind_Number",
                table: "LeniencyLists",
                columns: new[] { "UnitId", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeniencySettings_RegionCode",
                table: "LeniencySettings",
                column: "RegionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Open311Integrations_KeyHash",
                table: "Open311Integrations",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Open311Integrations_Name",
                table: "Open311Integrations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointAssessments_PointId",
                table: "PointAssessments",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_PointAssessments_SupervisoryInspectionId_PointId",
                table: "PointAssessments",
                columns: new[] { "SupervisoryInspectionId", "PointId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessRecords_CaseId_Milestone",
                table: "ProcessRecords",
                columns: new[] { "CaseId", "Milestone" });

            migrationBuilder.CreateIndex(
                name: "IX_QuietListEntries_EnterpriseId_From",
                table: "QuietListEntries",
                columns: new[] { "EnterpriseId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_RandomDraws_UnitId_DrawDate",
                table: "RandomDraws",
                columns: new[] { "UnitId", "DrawDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewPlans_CampaignId",
                table: "ReviewPlans",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewPlans_RubricId",
                table: "ReviewPlans",
                column: "RubricId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewScores_ReviewId",
                table: "ReviewScores",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_RubricItems_RubricId",
                table: "RubricItems",
                column: "RubricId");

            migrationBuilder.CreateIndex(
                name: "IX_Rubrics_RegionCode_VersionNumber",
                table: "Rubrics",
                columns: new[] { "RegionCode", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreMarks_RubricItemId",
                table: "ScoreMarks",
                column: "RubricItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreMarks_ScoreId",
                table: "ScoreMarks",
                column: "ScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfInspectionAnswers_PointId",
                table: "SelfInspectionAnswers",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfInspectionAnswers_SelfInspectionId_PointId",
                table: "SelfInspectionAnswers",
                columns: new[] { "SelfInspectionId", "PointId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfInspections_CampaignId_UnitId",
                table: "SelfInspections",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfInspections_UnitId_Id",
                table: "SelfInspections",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_SupervisoryInspectionId",
                table: "SupervisionVisits",
                column: "SupervisoryInspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryInspections_CampaignId_UnitId",
                table: "SupervisoryInspections",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryInspections_UnitId",
                table: "SupervisoryInspections",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_CaseId_Rule",
                table: "Warnings",
                columns: new[] { "CaseId", "Rule" });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_RegionCode_State_Id",
                table: "Warnings",
                columns: new[] { "RegionCode", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_UnitId_State_Id",
                table: "Warnings",
                columns: new[] { "UnitId", "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignUnits");

            migrationBuilder.DropTable(
                name: "CaseExtensions");

            migrationBuilder.DropTable(
                name: "CaseFileDefects");

            migrationBuilder.DropTable(
                name: "CaseImportMappings");

            migrationBuilder.DropTable(
                name: "CaseMilestones");

            migrationBuilder.DropTable(
                name: "CaseOfficers");

            migrationBuilder.DropTable(
                name: "EnterpriseDoorCodes");

            migrationBuilder.DropTable(
                name: "EnterpriseVisits");

            migrationBuilder.DropTable(
                name: "ExemptionConditions");

            migrationBuilder.DropTable(
                name: "GuidanceRecords");

            migrationBuilder.DropTable(
                name: "InspectionAssignments");

            migrationBuilder.DropTable(
                name: "InspectionCaps");

            migrationBuilder.DropTable(
                name: "InspectionRatings");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "LegalityThresholds");

            migrationBuilder.DropTable(
                name: "LegalReviews");

            migrationBuilder.DropTable(
                name: "LeniencyListConditions");

            migrationBuilder.DropTable(
                name: "LeniencySettings");

            migrationBuilder.DropTable(
                name: "Open311Integrations");

            migrationBuilder.DropTable(
                name: "PointAssessments");

            migrationBuilder.DropTable(
                name: "ProcessRecords");

            migrationBuilder.DropTable(
                name: "QuietListEntries");

            migrationBuilder.DropTable(
                name: "RandomDraws");

            migrationBuilder.DropTable(
                name: "ScoreMarks");

            migrationBuilder.DropTable(
                name: "SelfInspectionAnswers");

            migrationBuilder.DropTable(
                name: "SupervisionVisits");

            migrationBuilder.DropTable(
                name: "Warnings");

            migrationBuilder.DropTable(
                name: "ExemptionCases");

            migrationBuilder.DropTable(
                name: "GuidanceRequests");

            migrationBuilder.DropTable(
                name: "CampaignTeamMembers");

            migrationBuilder.DropTable(
                name: "InspectionPlans");

            migrationBuilder.DropTable(
                name: "JointInspections");

            migrationBuilder.DropTable(
                name: "ReviewScores");

            migrationBuilder.DropTable(
                name: "RubricItems");

            migrationBuilder.DropTable(
                name: "ChecklistPoints");

            migrationBuilder.DropTable(
                name: "SelfInspections");

            migrationBuilder.DropTable(
                name: "SupervisoryInspections");

            migrationBuilder.DropTable(
                name: "LeniencyListItems");

            migrationBuilder.DropTable(
                name: "CaseFileReviews");

            migrationBuilder.DropTable(
                name: "ChecklistItems");

            migrationBuilder.DropTable(
                name: "LeniencyLists");

            migrationBuilder.DropTable(
                name: "EnforcementCases");

            migrationBuilder.DropTable(
                name: "ReviewPlans");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "Rubrics");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_RegionCode_LastChangedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PauseReason",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "PausedOn",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "PausedWorkingDays",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AddressId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LastChangedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "MediaUrl",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PauseReason",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PausedOn",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PausedWorkingDays",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PinFailures",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PinLockedUntil",
                table: "Complaints");
        }
    }
}
