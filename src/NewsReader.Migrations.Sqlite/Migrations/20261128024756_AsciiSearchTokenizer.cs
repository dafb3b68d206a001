using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AsciiSearchTokenizer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The indexes hold stems the app has already normalized, lower-cased and split, joined by spaces: FTS5's ascii
            // tokenizer reads them as unicode61 did (non-ASCII characters are word characters) at two thirds of the cost.
            // Start-up fills the new tables (SearchIndex.IndexMissingAsync).
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
            migrationBuilder.Sql("DROP TABLE ArticleTerms;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Body, content='', contentless_delete=1, tokenize='ascii');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleTerms USING fts5(Terms, content='', contentless_delete=1, detail=none, tokenize='ascii');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
            migrationBuilder.Sql("DROP TABLE ArticleTerms;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleTerms USING fts5(Terms, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');");
        }
    }
}
