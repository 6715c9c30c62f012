using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_QuietListEntries_EnterpriseId_From",
                table: "QuietListEntries",
                columns: new[] { "EnterpriseId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_RandomDraws_UnitId_DrawDate",
                table: "RandomDraws",
                columns: new[] { "UnitId", "DrawDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnterpriseDoorCodes");

            migrationBuilder.DropTable(
                name: "InspectionCaps");

            migrationBuilder.DropTable(
                name: "InspectionRatings");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "QuietListEntries");

            migrationBuilder.DropTable(
                name: "RandomDraws");

            migrationBuilder.DropTable(
                name: "InspectionPlans");

            migrationBuilder.DropTable(
                name: "JointInspections");
        }
    }
}
