using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GazetteerEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EditedAt",
                table: "Entities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GazetteerRemovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Spelling = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GazetteerRemovals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GazetteerRemovals_EntityKey_Spelling",
                table: "GazetteerRemovals",
                columns: new[] { "EntityKey", "Spelling" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GazetteerRemovals");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Entities");
        }
    }
}
