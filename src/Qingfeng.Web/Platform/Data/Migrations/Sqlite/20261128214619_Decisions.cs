using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PrincipalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PrincipalName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MeetingKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgendaDaysAhead = table.Column<int>(type: "INTEGER", nullable: true),
                    MembersPresent = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedCollectively = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrincipalSpokeLast = table.Column<bool>(type: "INTEGER", nullable: false),
                    Dissent = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: true),
                    PrincipalInChargeOf = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_DecisionRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DecisionFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisesClue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClearedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RectificationItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClueRecommended = table.Column<bool>(type: "INTEGER", nullable: false)
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
