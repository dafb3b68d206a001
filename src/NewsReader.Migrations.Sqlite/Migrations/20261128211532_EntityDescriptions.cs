using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EntityDescriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Descriptions",
                table: "Entities",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Descriptions",
                table: "Entities");
        }
    }
}
