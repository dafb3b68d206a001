using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ArticleSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index over a normalized, stemmed shadow of each article (see SearchIndex).
            // Contentless: it keeps no copy of the text; contentless_delete lets an article's entry be replaced.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
        }
    }
}
