using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxItemStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "inbox_items",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Every item takes its submission's status once; from here on CaseworkerActions changes both together.
            migrationBuilder.Sql("""UPDATE inbox_items AS i SET "Status" = s."Status" FROM submissions AS s WHERE s."Id" = i."SubmissionId";""");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_TenantId_AuthorityId_Status",
                table: "inbox_items",
                columns: new[] { "TenantId", "AuthorityId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_items_TenantId_AuthorityId_Status",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "inbox_items");
        }
    }
}
