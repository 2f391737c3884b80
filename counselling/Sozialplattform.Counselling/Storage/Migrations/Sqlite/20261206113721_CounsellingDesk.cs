using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Counselling.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CounsellingDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "counselling_team",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetentionWarnedAt",
                table: "counselling_conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "counselling_absences",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeputyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_absences", x => new { x.AccountId, x.CentreId });
                });

            migrationBuilder.CreateTable(
                name: "counselling_centre_settings",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReplyDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_centre_settings", x => x.CentreId);
                });

            migrationBuilder.CreateTable(
                name: "counselling_text_blocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_text_blocks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_counselling_absences_CentreId_DeputyId",
                table: "counselling_absences",
                columns: new[] { "CentreId", "DeputyId" });

            migrationBuilder.CreateIndex(
                name: "IX_counselling_text_blocks_CentreId",
                table: "counselling_text_blocks",
                column: "CentreId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "counselling_absences");

            migrationBuilder.DropTable(
                name: "counselling_centre_settings");

            migrationBuilder.DropTable(
                name: "counselling_text_blocks");

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "counselling_team");

            migrationBuilder.DropColumn(
                name: "RetentionWarnedAt",
                table: "counselling_conversations");
        }
    }
}
