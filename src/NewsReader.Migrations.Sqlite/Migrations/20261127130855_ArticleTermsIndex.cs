using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ArticleTermsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The weights index grows into the terms index (see IndexTerms): each article's distinct stems, as they are
            // and at their weight, and the entities it mentions, so that FTS5 intersects words with entities itself.
            // No positions (detail=none). Filled at start-up by IndexMissingAsync.
            migrationBuilder.Sql("DROP TABLE ArticleWordWeights;");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleTerms USING fts5(Terms, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleTerms;");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleWordWeights USING fts5(Terms, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');");
        }
    }
}
