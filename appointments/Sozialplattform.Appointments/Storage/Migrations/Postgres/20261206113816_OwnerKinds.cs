using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Appointments.Storage.Migrations.Postgres
{
    /// <summary>The owner kind of a calendar (centre or authority) and the owning authority's id; existing calendars become centres'.</summary>
    public partial class OwnerKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorityId",
                table: "appointment_owners",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "appointment_owners",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Centre"); // every calendar before owner kinds is a centre's

            migrationBuilder.CreateIndex(
                name: "IX_appointment_owners_Tenant_AuthorityId",
                table: "appointment_owners",
                columns: new[] { "Tenant", "AuthorityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_appointment_owners_Tenant_AuthorityId",
                table: "appointment_owners");

            migrationBuilder.DropColumn(
                name: "AuthorityId",
                table: "appointment_owners");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "appointment_owners");
        }
    }
}
