-- Scheduled publishing and embargoes (issue 13). A schedule makes one revision live at a UTC instant; its
-- life (scheduled, rescheduled, cancelled, run, held) is also written to the append-only status history.
ALTER TYPE "StatusAction" ADD VALUE 'schedule';
ALTER TYPE "StatusAction" ADD VALUE 'reschedule';
ALTER TYPE "StatusAction" ADD VALUE 'cancel_schedule';
ALTER TYPE "StatusAction" ADD VALUE 'hold_schedule';
ALTER TYPE "StatusAction" ADD VALUE 'embargo';
ALTER TYPE "StatusAction" ADD VALUE 'lift_embargo';

CREATE TYPE "ScheduleState" AS ENUM ('pending', 'done', 'held', 'cancelled');

-- Until this instant nothing of the story is public (lib/public/public-visibility.ts).
ALTER TABLE "stories" ADD COLUMN "embargo_until" TIMESTAMPTZ(3);

CREATE TABLE "schedules" (
    "id" UUID NOT NULL,
    "story_id" UUID NOT NULL,
    "revision_number" INTEGER NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "state" "ScheduleState" NOT NULL DEFAULT 'pending',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "live_number_at_schedule" INTEGER,
    "kind" "RevisionKind",
    "summary" TEXT,
    "public_note" TEXT,
    "ran_at" TIMESTAMPTZ(3),
    "published_number" INTEGER,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "held_reason" TEXT,
    "held_against_number" INTEGER,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "schedules_state_run_at_idx" ON "schedules"("state", "run_at");
CREATE INDEX "schedules_story_id_revision_number_idx" ON "schedules"("story_id", "revision_number");

ALTER TABLE "schedules" ADD CONSTRAINT "schedules_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
