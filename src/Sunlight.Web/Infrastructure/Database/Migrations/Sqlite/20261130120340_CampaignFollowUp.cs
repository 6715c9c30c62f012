using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CampaignFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ComplaintId",
                table: "EnterpriseVisits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProblemId",
                table: "EnterpriseVisits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProblemRechecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProblemId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProblemNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AfterMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScheduledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemRechecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemRechecks_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemRechecks_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemRechecks_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    SupervisoryInspectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CorrectionRequired = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponseWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RespondedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RespondedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionDocuments_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupervisionDocuments_SupervisoryInspections_SupervisoryInspectionId",
                        column: x => x.SupervisoryInspectionId,
                        principalTable: "SupervisoryInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionDocuments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionResponseFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupervisionDocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredFileId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionResponseFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionResponseFiles_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionResponseFiles_SupervisionDocuments_SupervisionDocumentId",
                        column: x => x.SupervisionDocumentId,
                        principalTable: "SupervisionDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemRechecks_CampaignId",
                table: "ProblemRechecks",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemRechecks_ProblemId_Result",
                table: "ProblemRechecks",
                columns: new[] { "ProblemId", "Result" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemRechecks_RegionCode_DueOn",
                table: "ProblemRechecks",
                columns: new[] { "RegionCode", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemRechecks_UnitId",
                table: "ProblemRechecks",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionDocuments_CampaignId",
                table: "SupervisionDocuments",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionDocuments_RegionCode_Number",
                table: "SupervisionDocuments",
                columns: new[] { "RegionCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionDocuments_SupervisoryInspectionId",
                table: "SupervisionDocuments",
                column: "SupervisoryInspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionDocuments_UnitId_RespondedOn",
                table: "SupervisionDocuments",
                columns: new[] { "UnitId", "RespondedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionResponseFiles_StoredFileId",
                table: "SupervisionResponseFiles",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionResponseFiles_SupervisionDocumentId",
                table: "SupervisionResponseFiles",
                column: "SupervisionDocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProblemRechecks");

            migrationBuilder.DropTable(
                name: "SupervisionResponseFiles");

            migrationBuilder.DropTable(
                name: "SupervisionDocuments");

            migrationBuilder.DropColumn(
                name: "ComplaintId",
                table: "EnterpriseVisits");

            migrationBuilder.DropColumn(
                name: "ProblemId",
                table: "EnterpriseVisits");
        }
    }
}
