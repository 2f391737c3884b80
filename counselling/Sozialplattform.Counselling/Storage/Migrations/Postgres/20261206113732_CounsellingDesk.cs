using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Counselling.Storage.Migrations.Postgres
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetentionWarnedAt",
                table: "counselling_conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "counselling_absences",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    DeputyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_absences", x => new { x.AccountId, x.CentreId });
                });

            migrationBuilder.CreateTable(
                name: "counselling_centre_settings",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReplyDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counselling_centre_settings", x => x.CentreId);
                });

            migrationBuilder.CreateTable(
                name: "counselling_text_blocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
