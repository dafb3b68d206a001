using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EntityNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Names",
                table: "Entities",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Names",
                table: "Entities");
        }
    }
}
