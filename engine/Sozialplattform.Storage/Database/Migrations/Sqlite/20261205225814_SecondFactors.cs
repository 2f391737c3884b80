using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecondFactors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "second_factors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Login = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SecretCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedStep = table.Column<long>(type: "INTEGER", nullable: false),
                    RecoveryCodeHashes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_second_factors", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_second_factors_Area_Login",
                table: "second_factors",
                columns: new[] { "Area", "Login" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "second_factors");
        }
    }
}
