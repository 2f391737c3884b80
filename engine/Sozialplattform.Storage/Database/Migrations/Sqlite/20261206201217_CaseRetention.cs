using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_deletions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", nullable: false),
                    ReferenceNumber = table.Column<string>(type: "TEXT", nullable: false),
                    FormId = table.Column<string>(type: "TEXT", nullable: false),
                    FormVersion = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_deletions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_holds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorityId = table.Column<string>(type: "TEXT", nullable: false),
                    ReasonCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedBy = table.Column<string>(type: "TEXT", nullable: true),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LiftReasonCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_holds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_deletions_SubmissionId",
                table: "case_deletions",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_deletions_TenantId_DeletedAt",
                table: "case_deletions",
                columns: new[] { "TenantId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_holds_SubmissionId_LiftedAt",
                table: "case_holds",
                columns: new[] { "SubmissionId", "LiftedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_deletions");

            migrationBuilder.DropTable(
                name: "case_holds");
        }
    }
}
