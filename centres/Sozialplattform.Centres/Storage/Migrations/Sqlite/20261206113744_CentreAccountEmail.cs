using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Centres.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CentreAccountEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "centre_accounts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Email",
                table: "centre_accounts");
        }
    }
}
