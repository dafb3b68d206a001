using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EntityDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EntityDays",
                columns: table => new
                {
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Articles = table.Column<int>(type: "INTEGER", nullable: false),
                    Mentions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityDays", x => new { x.EntityId, x.Day });
                    table.ForeignKey(
                        name: "FK_EntityDays_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EntityDays_Day_EntityId_Articles",
                table: "EntityDays",
                columns: new[] { "Day", "EntityId", "Articles" });

            migrationBuilder.CreateIndex(
                name: "IX_EntityDays_EntityId_Day_Articles_Mentions",
                table: "EntityDays",
                columns: new[] { "EntityId", "Day", "Articles", "Mentions" });

            // Existing articles' days, from the stored instants (EF's binary DateTimeOffset: ticks / 1000, shifted 11 bits).
            migrationBuilder.Sql(
                "INSERT INTO \"EntityDays\" (\"EntityId\", \"Day\", \"Articles\", \"Mentions\") " +
                "SELECT \"EntityId\", ((\"PublishedAt\" >> 11) * 1000 - 621355968000000000) / 864000000000, COUNT(*), SUM(\"Mentions\") FROM \"EntityArticles\" " +
                "GROUP BY \"EntityId\", ((\"PublishedAt\" >> 11) * 1000 - 621355968000000000) / 864000000000");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntityDays");
        }
    }
}
