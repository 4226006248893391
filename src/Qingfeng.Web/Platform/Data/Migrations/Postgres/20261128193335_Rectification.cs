using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Rectification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RectificationItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegionKey = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OfficialId = table.Column<Guid>(type: "uuid", nullable: true),
                    OfficialName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IsPrincipal = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Escalation = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClaimedBy = table.Column<Guid>(type: "uuid", nullable: true),
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
                    table.PrimaryKey("PK_RectificationItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RectificationEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationEvents_RectificationItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RectificationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationProgress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ClaimsDone = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationProgress_RectificationItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RectificationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgressId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Cipher = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationEvidence_RectificationProgress_ProgressId",
                        column: x => x.ProgressId,
                        principalTable: "RectificationProgress",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationEvents_ItemId",
                table: "RectificationEvents",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationEvidence_ProgressId",
                table: "RectificationEvidence",
                column: "ProgressId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_OfficialId",
                table: "RectificationItems",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_OrganId_State_DueOn",
                table: "RectificationItems",
                columns: new[] { "OrganId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_RegionKey_State",
                table: "RectificationItems",
                columns: new[] { "RegionKey", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_Source_SourceId",
                table: "RectificationItems",
                columns: new[] { "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_UnitId",
                table: "RectificationItems",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationProgress_ItemId",
                table: "RectificationProgress",
                column: "ItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RectificationEvents");

            migrationBuilder.DropTable(
                name: "RectificationEvidence");

            migrationBuilder.DropTable(
                name: "RectificationProgress");

            migrationBuilder.DropTable(
                name: "RectificationItems");
        }
    }
}
