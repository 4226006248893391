using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonLinkingQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FactsOn",
                table: "ClueReportedPersons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LinkState",
                table: "ClueReportedPersons",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MentionText",
                table: "ClueReportedPersons",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            // Persons given by id were linked by an officer: they are Confirmed; free text stays Unlinked until linked.
            migrationBuilder.Sql("UPDATE \"ClueReportedPersons\" SET \"LinkState\" = 3 WHERE \"OfficialId\" IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "PersonLinkDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentionKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsSame = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsAutomatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonLinkDecisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClueReportedPersons_LinkState",
                table: "ClueReportedPersons",
                column: "LinkState");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinkDecisions_MentionKey",
                table: "PersonLinkDecisions",
                column: "MentionKey");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinkDecisions_SubjectId_PersonId",
                table: "PersonLinkDecisions",
                columns: new[] { "SubjectId", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonLinkDecisions");

            migrationBuilder.DropIndex(
                name: "IX_ClueReportedPersons_LinkState",
                table: "ClueReportedPersons");

            migrationBuilder.DropColumn(
                name: "FactsOn",
                table: "ClueReportedPersons");

            migrationBuilder.DropColumn(
                name: "LinkState",
                table: "ClueReportedPersons");

            migrationBuilder.DropColumn(
                name: "MentionText",
                table: "ClueReportedPersons");
        }
    }
}
