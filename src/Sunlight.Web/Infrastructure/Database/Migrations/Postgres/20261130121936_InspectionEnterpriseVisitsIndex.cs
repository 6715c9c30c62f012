using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InspectionEnterpriseVisitsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_RegionCode_EnterpriseId_VisitDate",
                table: "Inspections");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_EnterpriseVisits",
                table: "Inspections",
                columns: new[] { "RegionCode", "EnterpriseId", "VisitDate", "Type", "UnitId", "JointInspectionId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_EnterpriseVisits",
                table: "Inspections");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_RegionCode_EnterpriseId_VisitDate",
                table: "Inspections",
                columns: new[] { "RegionCode", "EnterpriseId", "VisitDate" });
        }
    }
}
