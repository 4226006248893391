using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DutyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyReportCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TemplateItems = table.Column<string>(type: "TEXT", nullable: false),
                    LevelNames = table.Column<string>(type: "TEXT", nullable: false),
                    LevelRoles = table.Column<string>(type: "TEXT", nullable: false),
                    ScaleMax = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeThresholds = table.Column<string>(type: "TEXT", nullable: false),
                    GradeNames = table.Column<string>(type: "TEXT", nullable: false),
                    ReminderBelow = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumVotes = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoringClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyReportCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficialName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    RevisionDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReturnedAtLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    VoteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreSum = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyReportScorers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyReportScorers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyReportScorers_DutyReportCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "DutyReportCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DutyReportComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RectificationItemIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyReportComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyReportComments_DutyReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "DutyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DutyReportReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyReportReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyReportReviews_DutyReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "DutyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DutyReportVoters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyReportVoters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyReportVoters_DutyReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "DutyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DutyReportCampaigns_OrganId_Year",
                table: "DutyReportCampaigns",
                columns: new[] { "OrganId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyReportComments_ReportId",
                table: "DutyReportComments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyReportReviews_ReportId",
                table: "DutyReportReviews",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyReports_CampaignId_OfficialId",
                table: "DutyReports",
                columns: new[] { "CampaignId", "OfficialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyReports_OfficialId",
                table: "DutyReports",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyReports_RegionKey",
                table: "DutyReports",
                column: "RegionKey");

            migrationBuilder.CreateIndex(
                name: "IX_DutyReportScorers_CampaignId_UserId",
                table: "DutyReportScorers",
                columns: new[] { "CampaignId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyReportVoters_ReportId_UserId",
                table: "DutyReportVoters",
                columns: new[] { "ReportId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyReportComments");

            migrationBuilder.DropTable(
                name: "DutyReportReviews");

            migrationBuilder.DropTable(
                name: "DutyReportScorers");

            migrationBuilder.DropTable(
                name: "DutyReportVoters");

            migrationBuilder.DropTable(
                name: "DutyReportCampaigns");

            migrationBuilder.DropTable(
                name: "DutyReports");
        }
    }
}
