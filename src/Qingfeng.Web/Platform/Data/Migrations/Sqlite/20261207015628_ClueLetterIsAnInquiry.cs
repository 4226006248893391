using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClueLetterIsAnInquiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClueId",
                table: "Talks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClueId",
                table: "Inquiries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Talks_ClueId",
                table: "Talks",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ClueId",
                table: "Inquiries",
                column: "ClueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Talks_ClueId",
                table: "Talks");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_ClueId",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "ClueId",
                table: "Talks");

            migrationBuilder.DropColumn(
                name: "ClueId",
                table: "Inquiries");
        }
    }
}
