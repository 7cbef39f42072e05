using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScoredRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Null on the rows already kept: the keys that sealed their scores are not at hand here, so readers open those
            // rows' scores to tell which areas they score (ClinicalRecords treats null as "not known").
            migrationBuilder.AddColumn<string>(
                name: "ScoredRegions",
                table: "VisitScores",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScoredRegions",
                table: "Intakes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScoredRegions",
                table: "VisitScores");

            migrationBuilder.DropColumn(
                name: "ScoredRegions",
                table: "Intakes");
        }
    }
}
