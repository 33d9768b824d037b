import { z } from "zod";

import { ReviewField } from "@/lib/db/generated/enums";
import { requiredTextInput, textInput } from "@/lib/validation/text-rules";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

/** A comment's longest body: about a page of notes, more than any margin note needs. */
export const commentBodyLimit = 5_000;
/** The most words one comment may be anchored to (a long passage, not a whole story). */
export const anchorQuoteLimit = 10_000;

/** What a comment says: required, at most 5,000 characters; Enter makes a new line in it. */
export const CommentBodyInput = requiredTextInput({
  max: commentBodyLimit,
  tooLong: `must be at most ${commentBodyLimit.toLocaleString("en-US")} characters; split a longer note into replies`,
  required: "write the comment",
});

/**
 * The words a comment is on: a character range of one field of one revision, counted as JavaScript counts
 * (UTF-16 code units), and the words themselves, so the server can check they are exactly there. `revision`
 * is the revision holding them: the one reviewed for new text, the compared older one for a removed passage;
 * left out, it is the reviewed revision.
 */
export const ThreadAnchorInput = z
  .strictObject({
    revision: z.int({ error: "must be a whole revision number" }).min(1).optional(),
    field: z.enum(ReviewField),
    start: z.int({ error: "must be a whole number" }).min(0),
    end: z.int({ error: "must be a whole number" }).min(1),
    quote: textInput({ max: anchorQuoteLimit, trim: false }),
  })
  .superRefine((anchor, context) => {
    if (anchor.end <= anchor.start)
      context.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    else if (anchor.quote.length !== anchor.end - anchor.start)
      context.addIssue({
        code: "custom",
        path: ["quote"],
        message: "must be exactly the words from start to end",
      });
    else if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(anchor.quote))
      context.addIssue({ code: "custom", path: ["quote"], message: "select at least one word" });
  });
export type ThreadAnchorInput = z.infer<typeof ThreadAnchorInput>;

/** Starting a thread on revision `n`: on words (`anchor`), or on the whole revision (no anchor). */
export const StartThreadInput = z.strictObject({
  body: CommentBodyInput,
  anchor: ThreadAnchorInput.optional(),
});
export type StartThreadInput = z.infer<typeof StartThreadInput>;

/** A reply in a thread. */
export const ReplyInput = z.strictObject({ body: CommentBodyInput });
export type ReplyInput = z.infer<typeof ReplyInput>;

/** The desk's envelopes: which story (and revision) the act is on, and the key that makes a retry harmless. */
const deskKey = z.string().min(1).max(200).optional();

export const DeskStartThreadInput = z.strictObject({
  slug: z.string(),
  number: z.int().min(1),
  idempotencyKey: deskKey,
  thread: z.record(z.string(), z.unknown()),
});

export const DeskReplyInput = z.strictObject({
  slug: z.string(),
  threadId: z.string(),
  idempotencyKey: deskKey,
  reply: z.record(z.string(), z.unknown()),
});

export const DeskThreadStateInput = z.strictObject({
  slug: z.string(),
  threadId: z.string(),
  resolved: z.boolean(),
  idempotencyKey: deskKey,
});

/**
 * Which threads a listing shows and where: those started up to `revision` (the newest when left out), placed
 * in that revision's text, or for a removed passage in `from`'s, the older revision it is compared with.
 */
export const ThreadsQueryInput = z.strictObject({
  revision: wholeNumberText({ example: "4" }).optional(),
  from: wholeNumberText({ example: "3" }).optional(),
});
export type ThreadsQueryInput = z.infer<typeof ThreadsQueryInput>;

/** `/api/v1/stories/{slug}/threads/{id}/…`: a thread id that names nothing is the service's 404. */
export const ThreadPathInput = z.object({ slug: z.string(), id: z.string() });
