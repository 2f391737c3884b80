using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Operations.Migrations.Postgres
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
                    Login = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_designer_authors", x => x.Login);
                });

            migrationBuilder.CreateTable(
                name: "designer_drafts",
                columns: table => new
                {
                    FormId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ETag = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BaseVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SavedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_designer_drafts", x => x.FormId);
                });

            migrationBuilder.CreateTable(
                name: "published_form_versions",
                columns: table => new
                {
                    FormId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SampleAnswers = table.Column<string>(type: "text", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
