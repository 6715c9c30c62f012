using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    VerifiedSequence = table.Column<long>(type: "bigint", nullable: false),
                    VerifiedEntryId = table.Column<long>(type: "bigint", nullable: true),
                    VerifiedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Intact = table.Column<bool>(type: "boolean", nullable: false),
                    BrokenSequence = table.Column<long>(type: "bigint", nullable: true),
                    BrokenEntryId = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
