using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClueAppealStageAndDueFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AppealStage",
                table: "Clues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueFrom",
                table: "Clues",
                type: "date",
                nullable: true);

            // Deadlines counted from the day of receipt (acceptance notice, disposal proposal) can be counted again from it.
            migrationBuilder.Sql("UPDATE \"Clues\" SET \"DueFrom\" = \"ReceivedOn\" WHERE \"DueKind\" IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AppealStage",
                table: "Clues");

            migrationBuilder.DropColumn(
                name: "DueFrom",
                table: "Clues");
        }
    }
}
