using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostalCodeCoordinates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The file is unchanged, but its coordinates were never stored: forget the last import so the next start reads it again.
            migrationBuilder.Sql("DELETE FROM geo_datasets");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "postal_code_areas",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "postal_code_areas",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "postal_code_areas");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "postal_code_areas");
        }
    }
}
