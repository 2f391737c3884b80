using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierAutoLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "SuggestedFileNumberCipher",
                table: "inbox_items",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SuggestedFileNumberCipher",
                table: "inbox_items");
        }
    }
}
