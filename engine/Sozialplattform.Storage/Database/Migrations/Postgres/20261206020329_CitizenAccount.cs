using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CitizenAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerToken",
                table: "submissions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrefilledJson",
                table: "submissions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerToken",
                table: "drafts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_submissions_TenantId_OwnerToken",
                table: "submissions",
                columns: new[] { "TenantId", "OwnerToken" });

            migrationBuilder.CreateIndex(
                name: "IX_drafts_TenantId_OwnerToken",
                table: "drafts",
                columns: new[] { "TenantId", "OwnerToken" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_submissions_TenantId_OwnerToken",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_drafts_TenantId_OwnerToken",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "OwnerToken",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "PrefilledJson",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "OwnerToken",
                table: "drafts");
        }
    }
}
