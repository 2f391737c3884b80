using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ForwardedAt",
                table: "inbox_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForwardedTo",
                table: "inbox_items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAt",
                table: "inbox_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastOpenedAt",
                table: "inbox_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MessageId",
                table: "attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    AuthorityId = table.Column<string>(type: "text", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TextCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstOpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
