using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Counselling.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Counselling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "counselling_conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeekerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CounsellorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "counselling_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CounsellorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BodyCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "counselling_seekers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PseudonymIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PseudonymCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecoveryCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EmailCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastActiveAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_seekers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "counselling_team",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NoticeEmailCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_team", x => new { x.AccountId, x.CentreId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_counselling_conversations_CentreId_State",
                table: "counselling_conversations",
                columns: new[] { "CentreId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_counselling_conversations_SeekerId",
                table: "counselling_conversations",
                column: "SeekerId");

            migrationBuilder.CreateIndex(
                name: "IX_counselling_messages_ConversationId_At",
                table: "counselling_messages",
                columns: new[] { "ConversationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_counselling_seekers_Tenant_PseudonymIndex",
                table: "counselling_seekers",
                columns: new[] { "Tenant", "PseudonymIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_counselling_team_CentreId",
                table: "counselling_team",
                column: "CentreId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "counselling_conversations");

            migrationBuilder.DropTable(
                name: "counselling_messages");

            migrationBuilder.DropTable(
                name: "counselling_seekers");

            migrationBuilder.DropTable(
                name: "counselling_team");
        }
    }
}
