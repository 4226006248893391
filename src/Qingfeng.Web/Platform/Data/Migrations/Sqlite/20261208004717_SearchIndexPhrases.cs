using Microsoft.EntityFrameworkCore.Migrations;
using Qingfeng.Platform.Data.FullText;

#nullable disable

namespace Qingfeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexPhrases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index in its phrase format (character unigrams and positioned bigrams, see SqliteFullTextIndex).
            // The old word index cannot be converted (it holds hashes): it is dropped, and ClueSearchIndexUpgrade
            // indexes every clue again at start-up.
            migrationBuilder.Sql(SqliteFullTextIndex.DropSql);
            migrationBuilder.Sql(SqliteFullTextIndex.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to restore: the tables stay in the phrase format, empty until the application indexes again.
            migrationBuilder.Sql(SqliteFullTextIndex.DropSql);
            migrationBuilder.Sql(SqliteFullTextIndex.CreateSql);
        }
    }
}
