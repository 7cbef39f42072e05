using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ManageTokenNotStored : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ManageToken",
                table: "PendingBookings");

            migrationBuilder.AddColumn<string>(
                name: "ProtectedSecret",
                table: "OutboxMessages",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedSecret",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<string>(
                name: "ManageToken",
                table: "PendingBookings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }
    }
}
