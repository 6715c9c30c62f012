using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Leniency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GuidanceRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "LeniencyLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FirstViolationMonths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeniencySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetUscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Officer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "LeniencyListItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    ListId = table.Column<long>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                name: "ExemptionCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ListItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ViolationOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Education = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CorrectionDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignedLetterFileId = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PledgeEvidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PledgeRecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverdueFlaggedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Officer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
                name: "ExemptionConditions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExemptionConditions");

            migrationBuilder.DropTable(
                name: "GuidanceRecords");

            migrationBuilder.DropTable(
                name: "LeniencyListConditions");

            migrationBuilder.DropTable(
                name: "LeniencySettings");

            migrationBuilder.DropTable(
                name: "ExemptionCases");

            migrationBuilder.DropTable(
                name: "GuidanceRequests");

            migrationBuilder.DropTable(
                name: "LeniencyListItems");

            migrationBuilder.DropTable(
                name: "LeniencyLists");
        }
    }
}
