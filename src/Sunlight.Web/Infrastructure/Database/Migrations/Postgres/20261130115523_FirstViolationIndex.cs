using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FirstViolationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EnforcementCases_PartyUscc",
                table: "EnforcementCases");

            migrationBuilder.DropIndex(
                name: "IX_EnforcementCases_PartyUscc_UnitId_ItemName",
                table: "EnforcementCases");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_PartyUscc_Kind_UnitId_ItemName_ViolationOn~",
                table: "EnforcementCases",
                columns: new[] { "PartyUscc", "Kind", "UnitId", "ItemName", "ViolationOn", "FiledOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EnforcementCases_PartyUscc_Kind_UnitId_ItemName_ViolationOn~",
                table: "EnforcementCases");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_PartyUscc",
                table: "EnforcementCases",
                column: "PartyUscc");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_PartyUscc_UnitId_ItemName",
                table: "EnforcementCases",
                columns: new[] { "PartyUscc", "UnitId", "ItemName" });
        }
    }
}
