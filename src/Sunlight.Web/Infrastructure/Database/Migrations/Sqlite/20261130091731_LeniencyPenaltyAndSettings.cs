using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeniencyPenaltyAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExemptionCases_Uscc_UnitId_DecidedOn",
                table: "ExemptionCases");

            migrationBuilder.AddColumn<int>(
                name: "GuidanceAnswerDays",
                table: "LeniencySettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "PledgeReminderDays",
                table: "LeniencySettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<long>(
                name: "PenaltyCaseId",
                table: "ExemptionCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_PenaltyCaseId",
                table: "ExemptionCases",
                column: "PenaltyCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_Uscc_UnitId_ItemName_ViolationOn",
                table: "ExemptionCases",
                columns: new[] { "Uscc", "UnitId", "ItemName", "ViolationOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_PartyUscc_UnitId_ItemName",
                table: "EnforcementCases",
                columns: new[] { "PartyUscc", "UnitId", "ItemName" });

            migrationBuilder.AddForeignKey(
                name: "FK_ExemptionCases_EnforcementCases_PenaltyCaseId",
                table: "ExemptionCases",
                column: "PenaltyCaseId",
                principalTable: "EnforcementCases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ExemptionCases_EnforcementCases_PenaltyCaseId",
                table: "ExemptionCases");

            migrationBuilder.DropIndex(
                name: "IX_ExemptionCases_PenaltyCaseId",
                table: "ExemptionCases");

            migrationBuilder.DropIndex(
                name: "IX_ExemptionCases_Uscc_UnitId_ItemName_ViolationOn",
                table: "ExemptionCases");

            migrationBuilder.DropIndex(
                name: "IX_EnforcementCases_PartyUscc_UnitId_ItemName",
                table: "EnforcementCases");

            migrationBuilder.DropColumn(
                name: "GuidanceAnswerDays",
                table: "LeniencySettings");

            migrationBuilder.DropColumn(
                name: "PledgeReminderDays",
                table: "LeniencySettings");

            migrationBuilder.DropColumn(
                name: "PenaltyCaseId",
                table: "ExemptionCases");

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionCases_Uscc_UnitId_DecidedOn",
                table: "ExemptionCases",
                columns: new[] { "Uscc", "UnitId", "DecidedOn" });
        }
    }
}
