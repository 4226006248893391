using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficialName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfficialPosition = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IsPrincipal = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaderCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Matters = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReplyDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CountersignedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CountersignNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Assessment = table.Column<int>(type: "INTEGER", nullable: true),
                    AssessmentNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CluesFound = table.Column<int>(type: "INTEGER", nullable: false),
                    FundsPaidOutFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FundsRecoveredFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ProblemsFound = table.Column<int>(type: "INTEGER", nullable: false),
                    RulesAdopted = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inquiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficialName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfficialPosition = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IsPrincipal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Suggestions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HolidayName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    HolidayFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Talks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficialName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfficialPosition = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IsPrincipal = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaderCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: true),
                    TalkerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Talkers = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Recorder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Outline = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Record = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Commitments = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PledgeDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PledgeReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CluesFound = table.Column<int>(type: "INTEGER", nullable: false),
                    FundsPaidOutFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FundsRecoveredFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ProblemsFound = table.Column<int>(type: "INTEGER", nullable: false),
                    RulesAdopted = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
