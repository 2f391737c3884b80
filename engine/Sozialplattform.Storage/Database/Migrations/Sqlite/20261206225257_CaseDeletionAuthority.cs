using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseDeletionAuthority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorityId",
                table: "case_deletions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_deletions_TenantId_AuthorityId_DeletedAt",
                table: "case_deletions",
                columns: new[] { "TenantId", "AuthorityId", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_case_deletions_TenantId_AuthorityId_DeletedAt",
                table: "case_deletions");

            migrationBuilder.DropColumn(
                name: "AuthorityId",
                table: "case_deletions");
        }
    }
}
