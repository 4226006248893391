using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Qingfeng.Platform.Data.FullText;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Clues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index of clue content (keyed hashes of words), outside the EF model: see SqliteFullTextIndex.
            migrationBuilder.Sql(SqliteFullTextIndex.CreateSql);

            migrationBuilder.CreateTable(
                name: "ClueAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Cipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClueAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClueNumberSequence",
                columns: table => new
                {
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Next = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClueNumberSequence", x => new { x.OrganId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Clues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollaborationGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecusedOrganId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsRealName = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentCipher = table.Column<string>(type: "TEXT", nullable: true),
                    ReporterCipher = table.Column<string>(type: "TEXT", nullable: true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsPrincipal = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaderCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosingOutcome = table.Column<int>(type: "INTEGER", nullable: true),
                    PendingState = table.Column<int>(type: "INTEGER", nullable: true),
                    HandlerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvestigatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueKind = table.Column<int>(type: "INTEGER", nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InquirySentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InquiryCountersigned = table.Column<bool>(type: "INTEGER", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsSanctioned = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TransferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppealResult = table.Column<int>(type: "INTEGER", nullable: true),
                    ProblemsFound = table.Column<int>(type: "INTEGER", nullable: false),
                    FurtherClues = table.Column<int>(type: "INTEGER", nullable: false),
                    FundsPaidOutFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FundsRecoveredFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClueCategories",
                columns: table => new
                {
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClueCategories", x => new { x.ClueId, x.Code });
                    table.ForeignKey(
                        name: "FK_ClueCategories_Clues_ClueId",
                        column: x => x.ClueId,
                        principalTable: "Clues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClueHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClueHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClueHistory_Clues_ClueId",
                        column: x => x.ClueId,
                        principalTable: "Clues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClueParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClueParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClueParticipants_Clues_ClueId",
                        column: x => x.ClueId,
                        principalTable: "Clues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClueRecusals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClueRecusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClueRecusals_Clues_ClueId",
                        column: x => x.ClueId,
                        principalTable: "Clues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClueReportedPersons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Position = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IsPrincipal = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaderCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionKey = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClueReportedPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClueReportedPersons_Clues_ClueId",
                        column: x => x.ClueId,
                        principalTable: "Clues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sanctions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InfluenceEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sanctions_Clues_ClueId",
                        column: x => x.ClueId,
                        principalTable: "Clues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClueAttachments_ClueId",
                table: "ClueAttachments",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_ClueCategories_Code",
                table: "ClueCategories",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_ClueHistory_ClueId",
                table: "ClueHistory",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_ClueParticipants_ClueId",
                table: "ClueParticipants",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_ClueParticipants_UserId_ClueId",
                table: "ClueParticipants",
                columns: new[] { "UserId", "ClueId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClueRecusals_ClueId",
                table: "ClueRecusals",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_ClueRecusals_UserId_ClueId",
                table: "ClueRecusals",
                columns: new[] { "UserId", "ClueId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClueReportedPersons_ClueId",
                table: "ClueReportedPersons",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_ClueReportedPersons_OfficialId",
                table: "ClueReportedPersons",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_Clues_CollaborationGroupId",
                table: "Clues",
                column: "CollaborationGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Clues_HandlerId",
                table: "Clues",
                column: "HandlerId");

            migrationBuilder.CreateIndex(
                name: "IX_Clues_Number",
                table: "Clues",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clues_OrganId_IsPrincipal_DueOn",
                table: "Clues",
                columns: new[] { "OrganId", "IsPrincipal", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Clues_OrganId_State",
                table: "Clues",
                columns: new[] { "OrganId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Clues_ReceivedOn",
                table: "Clues",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Clues_State_DueOn",
                table: "Clues",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DedupKey",
                table: "Notifications",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_ClueId",
                table: "Sanctions",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_OfficialId",
                table: "Sanctions",
                column: "OfficialId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteFullTextIndex.DropSql);

            migrationBuilder.DropTable(
                name: "ClueAttachments");

            migrationBuilder.DropTable(
                name: "ClueCategories");

            migrationBuilder.DropTable(
                name: "ClueHistory");

            migrationBuilder.DropTable(
                name: "ClueNumberSequence");

            migrationBuilder.DropTable(
                name: "ClueParticipants");

            migrationBuilder.DropTable(
                name: "ClueRecusals");

            migrationBuilder.DropTable(
                name: "ClueReportedPersons");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Sanctions");

            migrationBuilder.DropTable(
                name: "Clues");
        }
    }
}
