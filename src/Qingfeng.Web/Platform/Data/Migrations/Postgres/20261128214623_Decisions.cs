using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Decisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DecisionRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    PrincipalId = table.Column<Guid>(type: "uuid", nullable: true),
                    PrincipalName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MeetingKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AgendaDaysAhead = table.Column<int>(type: "integer", nullable: true),
                    MembersPresent = table.Column<int>(type: "integer", nullable: false),
                    MembersTotal = table.Column<int>(type: "integer", nullable: false),
                    DecidedCollectively = table.Column<bool>(type: "boolean", nullable: false),
                    PrincipalSpokeLast = table.Column<bool>(type: "boolean", nullable: false),
                    Dissent = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: true),
                    PrincipalInChargeOf = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("PK_DecisionRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DecisionFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    RaisesClue = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClearedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RectificationItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClueId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClueRecommended = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionFindings_DecisionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "DecisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionFindings_RecordId_CheckCode",
                table: "DecisionFindings",
                columns: new[] { "RecordId", "CheckCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_RegionKey_MeetingOn",
                table: "DecisionRecords",
                columns: new[] { "RegionKey", "MeetingOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_UnitId",
                table: "DecisionRecords",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionFindings");

            migrationBuilder.DropTable(
                name: "DecisionRecords");
        }
    }
}
