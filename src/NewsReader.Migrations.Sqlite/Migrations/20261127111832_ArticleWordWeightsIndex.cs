using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ArticleWordWeightsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each article's distinct stems at their weight (see WordWeights), for one-word searches. No positions
            // (detail=none): it is only ever asked which articles hold a term. Filled at start-up by IndexMissingAsync.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleWordWeights USING fts5(Terms, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleWordWeights;");
        }
    }
}
