-- A thread's anchor offsets are counted as the desk and the API count text: in UTF-16 code units (JavaScript's
-- string length, where an emoji is two). PostgreSQL's length() counts code points, so the first form of this
-- check refused words holding an emoji or any other character beyond U+FFFF. Each such character adds one.
ALTER TABLE "review_threads" DROP CONSTRAINT "review_threads_anchor_complete";
ALTER TABLE "review_threads" ADD CONSTRAINT "review_threads_anchor_complete" CHECK (
    ("anchor_field" IS NULL AND "anchor_revision_number" IS NULL AND "anchor_start" IS NULL
        AND "anchor_end" IS NULL AND "anchor_quote" IS NULL)
    OR ("anchor_field" IS NOT NULL AND "anchor_revision_number" IS NOT NULL AND "anchor_start" >= 0
        AND "anchor_end" > "anchor_start"
        AND length("anchor_quote") + length(regexp_replace("anchor_quote", '[^\U00010000-\U0010FFFF]', '', 'g'))
            = "anchor_end" - "anchor_start")
);
