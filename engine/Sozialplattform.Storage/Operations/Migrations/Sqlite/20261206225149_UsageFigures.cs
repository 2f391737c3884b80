using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sozialplattform.Storage.Operations.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UsageFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tenant_routing_edits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AnswerRulesJson = table.Column<string>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tenant_routing_edits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "usage_counters",
                columns: table => new
                {
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FormVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_counters", x => new { x.Day, x.FormId, x.FormVersion, x.PageId, x.Kind, x.Detail });
                });

            migrationBuilder.CreateIndex(
                name: "IX_tenant_routing_edits_TenantId_Service_Revision",
                table: "tenant_routing_edits",
                columns: new[] { "TenantId", "Service", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_usage_counters_FormId_FormVersion",
                table: "usage_counters",
                columns: new[] { "FormId", "FormVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tenant_routing_edits");

            migrationBuilder.DropTable(
                name: "usage_counters");
        }
    }
}
