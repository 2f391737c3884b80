using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Centres.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CentreAccountRoles : Migration
    {
        /// <inheritdoc />
        // Existing accounts are centre staff.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "centre_accounts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Staff");

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "centre_accounts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Role",
                table: "centre_accounts");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "centre_accounts");
        }
    }
}
