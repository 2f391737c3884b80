using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Centres.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CentreRevisionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_centres_Tenant_Revision",
                table: "centres",
                columns: new[] { "Tenant", "Revision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_centres_Tenant_Revision",
                table: "centres");
        }
    }
}
