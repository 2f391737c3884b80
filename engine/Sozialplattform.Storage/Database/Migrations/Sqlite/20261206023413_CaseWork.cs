using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeId",
                table: "inbox_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ForwardedAt",
                table: "inbox_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForwardedTo",
                table: "inbox_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAt",
                table: "inbox_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastOpenedAt",
                table: "inbox_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MessageId",
                table: "attachments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorityId = table.Column<string>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TextCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstOpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_messages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_TenantId_AuthorityId_AssigneeId",
                table: "inbox_items",
                columns: new[] { "TenantId", "AuthorityId", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_case_messages_ReceiptNumber",
                table: "case_messages",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_messages_SubmissionId",
                table: "case_messages",
                column: "SubmissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_messages");

            migrationBuilder.DropIndex(
                name: "IX_inbox_items_TenantId_AuthorityId_AssigneeId",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "ForwardedAt",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "ForwardedTo",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "LastOpenedAt",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "attachments");
        }
    }
}
