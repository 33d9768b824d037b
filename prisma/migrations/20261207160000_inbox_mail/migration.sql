-- Review mail (issue 22): when an inbox item was emailed to its recipient, so the same event is never mailed
-- twice, however often it is queued again after its job has run (lib/mail/queue-inbox-mail.ts).
ALTER TABLE "inbox_items" ADD COLUMN "emailed_at" TIMESTAMPTZ(3);
