using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BookingPrice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_ClientId",
                table: "Appointments");

            migrationBuilder.AddColumn<int>(
                name: "PricePence",
                table: "Appointments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Bookings made before prices were kept take the treatment's price of today: the price at the time
            // they were made was never stored, so reports of those months are as good as that guess.
            migrationBuilder.Sql(
                "UPDATE \"Appointments\" SET \"PricePence\" = (SELECT \"PricePence\" FROM \"Treatments\" WHERE \"Treatments\".\"Id\" = \"Appointments\".\"TreatmentId\");");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ClientId_StartUtc",
                table: "Appointments",
                columns: new[] { "ClientId", "StartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_ClientId_StartUtc",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "PricePence",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ClientId",
                table: "Appointments",
                column: "ClientId");
        }
    }
}
