using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReadingStateJobsAndPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt",
                table: "Articles");

            migrationBuilder.AddColumn<int>(
                name: "ArticleCount",
                table: "Entities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MentionCount",
                table: "Entities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ArticleReads",
                columns: table => new
                {
                    ReaderId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleReads", x => new { x.ReaderId, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_ArticleReads_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleReads_AspNetUsers_ReaderId",
                        column: x => x.ReaderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntityArticles",
                columns: table => new
                {
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Mentions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityArticles", x => new { x.ArticleId, x.EntityId });
                    table.ForeignKey(
                        name: "FK_EntityArticles_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntityArticles_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Cursor = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedArticles",
                columns: table => new
                {
                    ReaderId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedArticles", x => new { x.ReaderId, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_SavedArticles_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavedArticles_AspNetUsers_ReaderId",
                        column: x => x.ReaderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeedImports",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeedImports", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Language_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "Language", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Source_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "Source", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleReads_ArticleId",
                table: "ArticleReads",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_EntityArticles_EntityId_PublishedAt_ArticleId",
                table: "EntityArticles",
                columns: new[] { "EntityId", "PublishedAt", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_EntityKey_Id",
                table: "Jobs",
                columns: new[] { "EntityKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_Id",
                table: "Jobs",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedArticles_ArticleId",
                table: "SavedArticles",
                column: "ArticleId");

            // Dates were stored with the offset their source wrote, and an offset's ticks are local time: order them as
            // instants by moving each to UTC (value = local ticks / 1000 << 11 | offset minutes in 11 bits).
            migrationBuilder.Sql(
                """
                UPDATE Articles SET PublishedAt = ((PublishedAt >> 11)
                    - (CASE WHEN (PublishedAt & 2047) >= 1024 THEN (PublishedAt & 2047) - 2048 ELSE (PublishedAt & 2047) END) * 600000) << 11
                WHERE (PublishedAt & 2047) <> 0;
                """);

            migrationBuilder.Sql(
                """
                INSERT INTO EntityArticles (ArticleId, EntityId, PublishedAt, Mentions)
                SELECT m.ArticleId, m.EntityId, a.PublishedAt, COUNT(*)
                FROM Mentions m JOIN Articles a ON a.Id = m.ArticleId
                GROUP BY m.ArticleId, m.EntityId, a.PublishedAt;
                """);

            migrationBuilder.Sql(
                """
                UPDATE Entities SET
                    ArticleCount = (SELECT COUNT(*) FROM EntityArticles WHERE EntityId = Entities.Id),
                    MentionCount = (SELECT COALESCE(SUM(Mentions), 0) FROM EntityArticles WHERE EntityId = Entities.Id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleReads");

            migrationBuilder.DropTable(
                name: "EntityArticles");

            migrationBuilder.DropTable(
                name: "Jobs");

            migrationBuilder.DropTable(
                name: "SavedArticles");

            migrationBuilder.DropTable(
                name: "SeedImports");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Language_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Source_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ArticleCount",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "MentionCount",
                table: "Entities");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt",
                table: "Articles",
                column: "PublishedAt");
        }
    }
}
