using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Enforcement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseImportMappings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PartyKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyUscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    EnforcementItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FineAmount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    ConfiscationAmount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    IsOnTheSpot = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsHighRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSevereSanction = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsMajor = table.Column<bool>(type: "INTEGER", nullable: false),
                    HarmsLifeOrProperty = table.Column<bool>(type: "INTEGER", nullable: false),
                    ViolationOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionRevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ActCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PartyPinHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "LegalityThresholds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    HearingFinePerson = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    HearingFineOrganisation = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    HearingConfiscationPerson = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    HearingConfiscationOrganisation = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    HearingRequestWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewFinePerson = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    ReviewFineOrganisation = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    OnTheSpotPerson = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    OnTheSpotOrganisation = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    DecisionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ServeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LimitationYears = table.Column<int>(type: "INTEGER", nullable: false),
                    LimitationYearsHarm = table.Column<int>(type: "INTEGER", nullable: false),
                    DisclosureWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherDisclosureWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ApproachingWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "CaseExtensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OfficerId = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    QualificationChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProcedureChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    FactsChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    BasisChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    PowerChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    DocumentsChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    CrimeTransferChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Milestone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DocumentKind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IsAudioVideo = table.Column<bool>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsApproaching = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DismissReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProblemId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_CaseExtensions_CaseId",
                table: "CaseExtensions",
                column: "CaseId");

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
                name: "IX_ProcessRecords_CaseId_Milestone",
                table: "ProcessRecords",
                columns: new[] { "CaseId", "Milestone" });

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
                name: "CaseExtensions");

            migrationBuilder.DropTable(
                name: "CaseImportMappings");

            migrationBuilder.DropTable(
                name: "CaseMilestones");

            migrationBuilder.DropTable(
                name: "CaseOfficers");

            migrationBuilder.DropTable(
                name: "LegalityThresholds");

            migrationBuilder.DropTable(
                name: "LegalReviews");

            migrationBuilder.DropTable(
                name: "ProcessRecords");

            migrationBuilder.DropTable(
                name: "Warnings");

            migrationBuilder.DropTable(
                name: "EnforcementCases");
        }
    }
}
