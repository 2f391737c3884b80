using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Appointments.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BookingAnswersAndOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "ConcernCipher",
                table: "appointment_bookings",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerToken",
                table: "appointment_bookings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PhoneCipher",
                table: "appointment_bookings",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_appointment_bookings_OwnerToken",
                table: "appointment_bookings",
                column: "OwnerToken");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_appointment_bookings_OwnerToken",
                table: "appointment_bookings");

            migrationBuilder.DropColumn(
                name: "ConcernCipher",
                table: "appointment_bookings");

            migrationBuilder.DropColumn(
                name: "OwnerToken",
                table: "appointment_bookings");

            migrationBuilder.DropColumn(
                name: "PhoneCipher",
                table: "appointment_bookings");
        }
    }
}
