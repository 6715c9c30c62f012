using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditCheckpoint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifiedSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    VerifiedEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Intact = table.Column<bool>(type: "INTEGER", nullable: false),
                    BrokenSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    BrokenEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_RegionCode_Id",
                table: "Problems",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RegionCode_Id",
                table: "Complaints",
                columns: new[] { "RegionCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropIndex(
                name: "IX_Problems_RegionCode_Id",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_RegionCode_Id",
                table: "Complaints");
        }
    }
}
