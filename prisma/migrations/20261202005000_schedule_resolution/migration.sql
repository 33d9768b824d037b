-- A held schedule settled on the desk (issue 13): the editor resolved its merge and saved the result as a new
-- revision, rescheduled or published at once. The held row keeps its reason; the resolution is recorded
-- beside it and in the append-only status history.
ALTER TYPE "StatusAction" ADD VALUE 'resolve_schedule';
ALTER TYPE "ScheduleState" ADD VALUE 'resolved';

ALTER TABLE "schedules" ADD COLUMN "resolved_at" TIMESTAMPTZ(3);
ALTER TABLE "schedules" ADD COLUMN "resolved_by_id" UUID;
ALTER TABLE "schedules" ADD COLUMN "resolved_number" INTEGER;
ALTER TABLE "schedules" ADD COLUMN "superseded_by_id" UUID;

ALTER TABLE "schedules" ADD CONSTRAINT "schedules_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_superseded_by_id_fkey" FOREIGN KEY ("superseded_by_id") REFERENCES "schedules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
