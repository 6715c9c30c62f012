using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Open311Location : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Problems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedOn",
                table: "Problems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedWorkingDays",
                table: "Problems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Complaints",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressId",
                table: "Complaints",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastChangedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Complaints",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Complaints",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaUrl",
                table: "Complaints",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Complaints",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedOn",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedWorkingDays",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Open311Integrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyHint = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RequestsPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Open311Integrations", x => x.Id);
                });

            // Rows from before: their last known change is at least their arrival (Open311 updated_datetime).
            migrationBuilder.Sql("UPDATE \"Complaints\" SET \"LastChangedAt\" = \"ReceivedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RegionCode_LastChangedAt",
                table: "Complaints",
                columns: new[] { "RegionCode", "LastChangedAt" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Open311Integrations");

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
        }
    }
}
