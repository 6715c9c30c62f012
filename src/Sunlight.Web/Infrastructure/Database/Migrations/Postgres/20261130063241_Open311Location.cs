using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sunlight.Web.Infrastructure.Database.Migrations.Postgres
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedOn",
                table: "Problems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedWorkingDays",
                table: "Problems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Complaints",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressId",
                table: "Complaints",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastChangedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Complaints",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Complaints",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaUrl",
                table: "Complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedOn",
                table: "Complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedWorkingDays",
                table: "Complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Open311Integrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyHint = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RequestsPerMinute = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
