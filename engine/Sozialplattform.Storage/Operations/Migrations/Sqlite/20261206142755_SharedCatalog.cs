using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Operations.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "designer_authors",
                columns: table => new
                {
                    Login = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_designer_authors", x => x.Login);
                });

            migrationBuilder.CreateTable(
                name: "designer_drafts",
                columns: table => new
                {
                    FormId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BaseVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_designer_drafts", x => x.FormId);
                });

            migrationBuilder.CreateTable(
                name: "published_form_versions",
                columns: table => new
                {
                    FormId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SampleAnswers = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_form_versions", x => new { x.FormId, x.Version });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "designer_authors");

            migrationBuilder.DropTable(
                name: "designer_drafts");

            migrationBuilder.DropTable(
                name: "published_form_versions");
        }
    }
}
