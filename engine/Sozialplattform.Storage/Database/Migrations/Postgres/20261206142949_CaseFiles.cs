using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DossierId",
                table: "inbox_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileNumberFormat",
                table: "authorities",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AuthorityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_DossierId",
                table: "inbox_items",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_TenantId_AuthorityId_FileNumber",
                table: "dossiers",
                columns: new[] { "TenantId", "AuthorityId", "FileNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_TenantId_AuthorityId_Year_Sequence",
                table: "dossiers",
                columns: new[] { "TenantId", "AuthorityId", "Year", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_inbox_items_DossierId",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "DossierId",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "FileNumberFormat",
                table: "authorities");
        }
    }
}
