using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WordForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index form of a word changed (ArabicStemmer: only the article chain is read off; single proclitics are read
            // at search time by WordForms), so both indexes are rebuilt: start-up fills them (SearchIndex.IndexMissingAsync).
            // ArticleTermsVocab answers how many articles hold each term, which WordForms weighs a word's readings by.
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
            migrationBuilder.Sql("DROP TABLE ArticleTerms;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Body, content='', contentless_delete=1, tokenize='ascii');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleTerms USING fts5(Terms, content='', contentless_delete=1, detail=none, tokenize='ascii');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleTermsVocab USING fts5vocab(ArticleTerms, row);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleTermsVocab;");
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
            migrationBuilder.Sql("DROP TABLE ArticleTerms;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Body, content='', contentless_delete=1, tokenize='ascii');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleTerms USING fts5(Terms, content='', contentless_delete=1, detail=none, tokenize='ascii');");
        }
    }
}
