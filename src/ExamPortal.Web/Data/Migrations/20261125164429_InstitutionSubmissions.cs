using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExamPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_institution_application_institutions_institution_id",
                table: "institution_application");

            migrationBuilder.DropForeignKey(
                name: "fk_institution_application_event_institution_application_appli",
                table: "institution_application_event");

            migrationBuilder.DropIndex(
                name: "ix_registrations_institution_id",
                table: "registrations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_institution_application",
                table: "institution_application");

            migrationBuilder.RenameTable(
                name: "institution_application",
                newName: "institution_applications");

            migrationBuilder.RenameIndex(
                name: "ix_institution_application_status_submitted_at",
                table: "institution_applications",
                newName: "ix_institution_applications_status_submitted_at");

            migrationBuilder.RenameIndex(
                name: "ix_institution_application_institution_id",
                table: "institution_applications",
                newName: "ix_institution_applications_institution_id");

            migrationBuilder.RenameIndex(
                name: "ix_institution_application_credit_code",
                table: "institution_applications",
                newName: "ix_institution_applications_credit_code");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_review_passed_at",
                table: "registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "institution_submission_id",
                table: "registrations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_institution_applications",
                table: "institution_applications",
                column: "id");

            migrationBuilder.CreateTable(
                name: "institution_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    submitted_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    commitment_wording = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    applicant_count = table.Column<int>(type: "integer", nullable: false),
                    originals_received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    originals_recorded_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institution_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_institution_submissions_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institution_submissions_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_institution_id_batch_id_status",
                table: "registrations",
                columns: new[] { "institution_id", "batch_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_institution_submission_id",
                table: "registrations",
                column: "institution_submission_id");

            migrationBuilder.CreateIndex(
                name: "ix_institution_submissions_batch_id_originals_received_on",
                table: "institution_submissions",
                columns: new[] { "batch_id", "originals_received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_institution_submissions_institution_id_submitted_at",
                table: "institution_submissions",
                columns: new[] { "institution_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_institution_submissions_number",
                table: "institution_submissions",
                column: "number",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_institution_application_event_institution_applications_appl",
                table: "institution_application_event",
                column: "application_id",
                principalTable: "institution_applications",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_institution_applications_institutions_institution_id",
                table: "institution_applications",
                column: "institution_id",
                principalTable: "institutions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_registrations_institution_submissions_institution_submissio",
                table: "registrations",
                column: "institution_submission_id",
                principalTable: "institution_submissions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_institution_application_event_institution_applications_appl",
                table: "institution_application_event");

            migrationBuilder.DropForeignKey(
                name: "fk_institution_applications_institutions_institution_id",
                table: "institution_applications");

            migrationBuilder.DropForeignKey(
                name: "fk_registrations_institution_submissions_institution_submissio",
                table: "registrations");

            migrationBuilder.DropTable(
                name: "institution_submissions");

            migrationBuilder.DropIndex(
                name: "ix_registrations_institution_id_batch_id_status",
                table: "registrations");

            migrationBuilder.DropIndex(
                name: "ix_registrations_institution_submission_id",
                table: "registrations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_institution_applications",
                table: "institution_applications");

            migrationBuilder.DropColumn(
                name: "first_review_passed_at",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "institution_submission_id",
                table: "registrations");

            migrationBuilder.RenameTable(
                name: "institution_applications",
                newName: "institution_application");

            migrationBuilder.RenameIndex(
                name: "ix_institution_applications_status_submitted_at",
                table: "institution_application",
                newName: "ix_institution_application_status_submitted_at");

            migrationBuilder.RenameIndex(
                name: "ix_institution_applications_institution_id",
                table: "institution_application",
                newName: "ix_institution_application_institution_id");

            migrationBuilder.RenameIndex(
                name: "ix_institution_applications_credit_code",
                table: "institution_application",
                newName: "ix_institution_application_credit_code");

            migrationBuilder.AddPrimaryKey(
                name: "pk_institution_application",
                table: "institution_application",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_registrations_institution_id",
                table: "registrations",
                column: "institution_id");

            migrationBuilder.AddForeignKey(
                name: "fk_institution_application_institutions_institution_id",
                table: "institution_application",
                column: "institution_id",
                principalTable: "institutions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_institution_application_event_institution_application_appli",
                table: "institution_application_event",
                column: "application_id",
                principalTable: "institution_application",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
