using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Operations.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DesignerReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "published_form_versions",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "published_form_versions",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "designer_authors",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "editor");

            migrationBuilder.CreateTable(
                name: "designer_proposals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_designer_proposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_designer_proposals_FormId_Status",
                table: "designer_proposals",
                columns: new[] { "FormId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "designer_proposals");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "published_form_versions");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "published_form_versions");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "designer_authors");
        }
    }
}
