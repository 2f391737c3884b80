using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeferredFormPdf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PdfAuthorityAddress",
                table: "submissions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PdfAuthorityName",
                table: "submissions",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_attachments_form_pdf",
                table: "attachments",
                column: "SubmissionId",
                unique: true,
                filter: "\"Purpose\" = 'Form'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_attachments_form_pdf",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "PdfAuthorityAddress",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "PdfAuthorityName",
                table: "submissions");
        }
    }
}
