using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Counselling.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CounsellingVideoCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "counselling_video_calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeekerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounsellorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CounsellorConnection = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeekerConnection = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_video_calls", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_counselling_video_calls_ConversationId_State",
                table: "counselling_video_calls",
                columns: new[] { "ConversationId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "counselling_video_calls");
        }
    }
}
