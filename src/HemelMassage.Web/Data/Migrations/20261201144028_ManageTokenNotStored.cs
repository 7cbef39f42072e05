using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations
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
                type: "TEXT",
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }
    }
}
