using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExamPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResultsAndCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exam_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exam_plan_id = table.Column<int>(type: "integer", nullable: false),
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    points = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    corrected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    correction_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_exam_scores_admission_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "admission_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exam_scores_exam_plans_exam_plan_id",
                        column: x => x.exam_plan_id,
                        principalTable: "exam_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    raised_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_objections_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "result_publications",
                columns: table => new
                {
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    publication_date = table.Column<DateOnly>(type: "date", nullable: false),
                    publicity_end = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_result_publications", x => x.batch_id);
                    table.ForeignKey(
                        name: "fk_result_publications_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    exam_plan_id = table.Column<int>(type: "integer", nullable: false),
                    candidate_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    institution_id = table.Column<int>(type: "integer", nullable: true),
                    full_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_document_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    id_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    project_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    photo_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    collected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    collected_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    handed_over_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    collection_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificates_exam_scores_score_id",
                        column: x => x.score_id,
                        principalTable: "exam_scores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_certificates_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "certificate_share_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    certificate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_share_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificate_share_links_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_certificate_share_links_certificate_id",
                table: "certificate_share_links",
                column: "certificate_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificate_share_links_token",
                table: "certificate_share_links",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_batch_id_collected_at",
                table: "certificates",
                columns: new[] { "batch_id", "collected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_batch_id_institution_id_number",
                table: "certificates",
                columns: new[] { "batch_id", "institution_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_id_number",
                table: "certificates",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_number",
                table: "certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_registration_id",
                table: "certificates",
                column: "registration_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_score_id",
                table: "certificates",
                column: "score_id");

            migrationBuilder.CreateIndex(
                name: "ix_exam_scores_batch_id_exam_plan_id_outcome",
                table: "exam_scores",
                columns: new[] { "batch_id", "exam_plan_id", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_exam_scores_exam_plan_id",
                table: "exam_scores",
                column: "exam_plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_exam_scores_registration_id",
                table: "exam_scores",
                column: "registration_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exam_scores_ticket_id",
                table: "exam_scores",
                column: "ticket_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_objections_batch_id_answered_at_raised_at",
                table: "objections",
                columns: new[] { "batch_id", "answered_at", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_objections_registration_id",
                table: "objections",
                column: "registration_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_share_links");

            migrationBuilder.DropTable(
                name: "objections");

            migrationBuilder.DropTable(
                name: "result_publications");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "exam_scores");
        }
    }
}
