using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountabilityRecommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountabilityDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfficialName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OfficialPosition = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    IsPrincipal = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaderCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    Methods = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: true),
                    Cause = table.Column<int>(type: "INTEGER", nullable: false),
                    CauseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CauseReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Notice = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ImpactUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExecuteBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppealUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExecutedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExecutionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RectificationItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountabilityDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
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
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReplyDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Objection = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
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
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdoptedRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdoptedRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdoptedRules_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Satisfactory = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationChecks_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RectificationItemId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationMeasures_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityDecisions_OfficialId",
                table: "AccountabilityDecisions",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityDecisions_RegionKey_DecidedOn",
                table: "AccountabilityDecisions",
                columns: new[] { "RegionKey", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityDecisions_UnitId",
                table: "AccountabilityDecisions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AdoptedRules_RecommendationId",
                table: "AdoptedRules",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_AdoptedRules_RegionKey_AdoptedOn",
                table: "AdoptedRules",
                columns: new[] { "RegionKey", "AdoptedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationChecks_RecommendationId",
                table: "RecommendationChecks",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationMeasures_RecommendationId",
                table: "RecommendationMeasures",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_OrganId_Year_Sequence",
                table: "Recommendations",
                columns: new[] { "OrganId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_RegionKey_IssuedOn",
                table: "Recommendations",
                columns: new[] { "RegionKey", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_UnitId",
                table: "Recommendations",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountabilityDecisions");

            migrationBuilder.DropTable(
                name: "AdoptedRules");

            migrationBuilder.DropTable(
                name: "RecommendationChecks");

            migrationBuilder.DropTable(
                name: "RecommendationMeasures");

            migrationBuilder.DropTable(
                name: "Recommendations");
        }
    }
}
