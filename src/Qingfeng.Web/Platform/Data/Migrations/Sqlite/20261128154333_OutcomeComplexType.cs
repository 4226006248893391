using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutcomeComplexType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
