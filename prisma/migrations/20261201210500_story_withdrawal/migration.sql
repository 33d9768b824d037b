-- A story can be withdrawn: off the public site like an unpublished one, but its address answers
-- 410 with the headline and an editor's note to readers, kept with the status change.
ALTER TYPE "StoryStatus" ADD VALUE 'withdrawn';
ALTER TYPE "StatusAction" ADD VALUE 'withdraw';
ALTER TABLE "story_status_events" ADD COLUMN "public_note" TEXT;
