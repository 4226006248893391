using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Talks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Inquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OfficialId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficialName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficialPosition = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IsPrincipal = table.Column<bool>(type: "boolean", nullable: false),
                    LeaderCategory = table.Column<int>(type: "integer", nullable: true),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Matters = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReplyDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ReplyReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplyText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CountersignedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CountersignNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Assessment = table.Column<int>(type: "integer", nullable: true),
                    AssessmentNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CluesFound = table.Column<int>(type: "integer", nullable: false),
                    FundsPaidOutFen = table.Column<long>(type: "bigint", nullable: false),
                    FundsRecoveredFen = table.Column<long>(type: "bigint", nullable: false),
                    ProblemsFound = table.Column<int>(type: "integer", nullable: false),
                    RulesAdopted = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inquiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OfficialId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficialName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficialPosition = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IsPrincipal = table.Column<bool>(type: "boolean", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Suggestions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HolidayName = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    HolidayFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    DedupKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Talks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OfficialId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficialName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficialPosition = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IsPrincipal = table.Column<bool>(type: "boolean", nullable: false),
                    LeaderCategory = table.Column<int>(type: "integer", nullable: true),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: true),
                    TalkerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Talkers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Participants = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Recorder = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Outline = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Record = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Commitments = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PledgeDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PledgeReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CluesFound = table.Column<int>(type: "integer", nullable: false),
                    FundsPaidOutFen = table.Column<long>(type: "bigint", nullable: false),
                    FundsRecoveredFen = table.Column<long>(type: "bigint", nullable: false),
                    ProblemsFound = table.Column<int>(type: "integer", nullable: false),
                    RulesAdopted = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Talks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_OfficialId",
                table: "Inquiries",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_RegionKey_State",
                table: "Inquiries",
                columns: new[] { "RegionKey", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_State_ReplyDueOn",
                table: "Inquiries",
                columns: new[] { "State", "ReplyDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_UnitId",
                table: "Inquiries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_DedupKey",
                table: "Reminders",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_OfficialId",
                table: "Reminders",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_RegionKey_SentOn",
                table: "Reminders",
                columns: new[] { "RegionKey", "SentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_UnitId",
                table: "Reminders",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Talks_OfficialId_State",
                table: "Talks",
                columns: new[] { "OfficialId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Talks_OrganId_Type_HeldOn",
                table: "Talks",
                columns: new[] { "OrganId", "Type", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Talks_RegionKey_HeldOn",
                table: "Talks",
                columns: new[] { "RegionKey", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Talks_UnitId",
                table: "Talks",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Inquiries");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "Talks");
        }
    }
}
