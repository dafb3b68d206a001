using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MentionsByEntityAndArticle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mentions_EntityId",
                table: "Mentions");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_EntityId_ArticleId",
                table: "Mentions",
                columns: new[] { "EntityId", "ArticleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mentions_EntityId_ArticleId",
                table: "Mentions");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_EntityId",
                table: "Mentions",
                column: "EntityId");
        }
    }
}
