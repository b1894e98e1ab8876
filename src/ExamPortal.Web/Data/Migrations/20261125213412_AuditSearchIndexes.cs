using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExamPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_registration_events_action_at",
                table: "registration_events",
                columns: new[] { "action", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_registration_events_actor_user_id_at",
                table: "registration_events",
                columns: new[] { "actor_user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_registration_events_at",
                table: "registration_events",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registration_events_action_at",
                table: "registration_events");

            migrationBuilder.DropIndex(
                name: "ix_registration_events_actor_user_id_at",
                table: "registration_events");

            migrationBuilder.DropIndex(
                name: "ix_registration_events_at",
                table: "registration_events");
        }
    }
}
