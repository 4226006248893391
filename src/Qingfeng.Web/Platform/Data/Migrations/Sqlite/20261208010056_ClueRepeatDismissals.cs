using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClueRepeatDismissals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClueRepeatDismissals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OtherClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DismissedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    DismissedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClueRepeatDismissals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClueRepeatDismissals_ClueId_OtherClueId",
                table: "ClueRepeatDismissals",
                columns: new[] { "ClueId", "OtherClueId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClueRepeatDismissals_OtherClueId",
                table: "ClueRepeatDismissals",
                column: "OtherClueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClueRepeatDismissals");
        }
    }
}
