using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuarterlyReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuarterlyReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Conclusion = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FinalisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinalisedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterlyReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuarterlyReviewNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficialId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficialName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Assessment = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterlyReviewNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarterlyReviewNotes_QuarterlyReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "QuarterlyReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReviewNotes_ReviewId_OfficialId",
                table: "QuarterlyReviewNotes",
                columns: new[] { "ReviewId", "OfficialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReviews_OrganId_Year_Quarter",
                table: "QuarterlyReviews",
                columns: new[] { "OrganId", "Year", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuarterlyReviewNotes");

            migrationBuilder.DropTable(
                name: "QuarterlyReviews");
        }
    }
}
