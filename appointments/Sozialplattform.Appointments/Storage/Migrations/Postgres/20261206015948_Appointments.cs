using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Appointments.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Appointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appointment_booking_cells",
                columns: table => new
                {
                    CounsellorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cell = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointment_booking_cells", x => new { x.CounsellorId, x.Cell });
                });

            migrationBuilder.CreateTable(
                name: "appointment_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    TypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CounsellorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BlockedFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BlockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HoldExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ManageTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    EmailCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    NoShow = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointment_bookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "appointment_counsellors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Schedule = table.Column<string>(type: "text", nullable: false),
                    FeedTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointment_counsellors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "appointment_owners",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NeutralName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointment_owners", x => x.CentreId);
                });

            migrationBuilder.CreateTable(
                name: "appointment_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointment_types", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appointment_booking_cells_BookingId",
                table: "appointment_booking_cells",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_appointment_bookings_CentreId_Start",
                table: "appointment_bookings",
                columns: new[] { "CentreId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_appointment_bookings_CodeHash",
                table: "appointment_bookings",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appointment_bookings_CounsellorId_Start",
                table: "appointment_bookings",
                columns: new[] { "CounsellorId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_appointment_counsellors_CentreId",
                table: "appointment_counsellors",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_appointment_types_CentreId",
                table: "appointment_types",
                column: "CentreId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_booking_cells");

            migrationBuilder.DropTable(
                name: "appointment_bookings");

            migrationBuilder.DropTable(
                name: "appointment_counsellors");

            migrationBuilder.DropTable(
                name: "appointment_owners");

            migrationBuilder.DropTable(
                name: "appointment_types");
        }
    }
}
