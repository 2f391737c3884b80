using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LoginProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedLogins",
                table: "caseworker_accounts");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "caseworker_accounts");

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "caseworker_accounts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "login_throttles",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    LoginKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WaitUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TrustedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_login_throttles", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_login_throttles_LoginKey",
                table: "login_throttles",
                column: "LoginKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "login_throttles");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "caseworker_accounts");

            migrationBuilder.AddColumn<int>(
                name: "FailedLogins",
                table: "caseworker_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntil",
                table: "caseworker_accounts",
                type: "TEXT",
                nullable: true);
        }
    }
}
