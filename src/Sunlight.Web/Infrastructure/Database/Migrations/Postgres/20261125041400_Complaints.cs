using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Sunlight.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplaintCategories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntakePoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakePoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    TrackingCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PinHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Open311Token = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IntakePointId = table.Column<long>(type: "bigint", nullable: true),
                    IntakePlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CategoryId = table.Column<long>(type: "bigint", nullable: false),
                    ComplainedUnitId = table.Column<long>(type: "bigint", nullable: true),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EnterpriseUscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsAnonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ReporterProtected = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AcceptDueUncertain = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MergedIntoId = table.Column<long>(type: "bigint", nullable: true),
                    AssignedUnitId = table.Column<long>(type: "bigint", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolveDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ResolveDueUncertain = table.Column<bool>(type: "boolean", nullable: false),
                    AssignmentNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReturnCount = table.Column<int>(type: "integer", nullable: false),
                    LastReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Extension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DraftReply = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Reply = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Finding = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProblemRaised = table.Column<bool>(type: "boolean", nullable: false),
                    Satisfied = table.Column<bool>(type: "boolean", nullable: true),
                    RatingComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplyRound = table.Column<int>(type: "integer", nullable: false),
                    RatedRound = table.Column<int>(type: "integer", nullable: false),
                    Reopened = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_ComplaintCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ComplaintCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_IntakePoints_IntakePointId",
                        column: x => x.IntakePointId,
                        principalTable: "IntakePoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Units_AssignedUnitId",
                        column: x => x.AssignedUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Units_ComplainedUnitId",
                        column: x => x.ComplainedUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintAttachments_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintEvents_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ComplaintCategories",
                columns: new[] { "Id", "Code", "Description", "IsActive", "Name", "SortOrder" },
                values: new object[,]
                {
                    { 1L, "profit-driven", null, true, "趋利性执法", 10 },
                    { 2L, "selective", null, true, "选择性执法", 20 },
                    { 3L, "multiple-inspections", null, true, "多头检查", 30 },
                    { 4L, "arbitrary-inspection", null, true, "随意检查", 40 },
                    { 5L, "repeated-inspection", null, true, "重复检查", 50 },
                    { 6L, "illegal-fees", null, true, "乱收费", 60 },
                    { 7L, "illegal-fines", null, true, "乱罚款", 70 },
                    { 8L, "illegal-seizure", null, true, "乱查封", 80 },
                    { 9L, "out-of-area", null, true, "违规异地执法", 90 },
                    { 10L, "inaction", null, true, "不作为", 100 },
                    { 11L, "misconduct", null, true, "乱作为", 110 },
                    { 12L, "rough", null, true, "简单粗暴", 120 },
                    { 13L, "excessive", null, true, "过度执法", 130 },
                    { 14L, "one-size-fits-all", null, true, "“一刀切”", 140 },
                    { 15L, "bribery", null, true, "吃拿卡要", 150 },
                    { 16L, "other", null, true, "其他", 160 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintAttachments_ComplaintId",
                table: "ComplaintAttachments",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintCategories_Code",
                table: "ComplaintCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvents_ComplaintId_Id",
                table: "ComplaintEvents",
                columns: new[] { "ComplaintId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_AssignedUnitId_State",
                table: "Complaints",
                columns: new[] { "AssignedUnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CategoryId_ReceivedAt",
                table: "Complaints",
                columns: new[] { "CategoryId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ComplainedUnitId",
                table: "Complaints",
                column: "ComplainedUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_IntakePointId",
                table: "Complaints",
                column: "IntakePointId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Open311Token",
                table: "Complaints",
                column: "Open311Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RegionCode_State_ReceivedAt",
                table: "Complaints",
                columns: new[] { "RegionCode", "State", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_TrackingCode",
                table: "Complaints",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntakePoints_Code",
                table: "IntakePoints",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintAttachments");

            migrationBuilder.DropTable(
                name: "ComplaintEvents");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "ComplaintCategories");

            migrationBuilder.DropTable(
                name: "IntakePoints");
        }
    }
}
