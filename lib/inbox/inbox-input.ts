import { z } from "zod";

/** Listing one's inbox: newest first, a page at a time; `unread` keeps only what is not yet read. */
export const InboxListInput = z.strictObject({
  unread: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: "must be a whole number from 1 to 200" })
    .transform(Number)
    .pipe(z.int().min(1, { error: "must be at least 1" }).max(200, { error: "must be at most 200" }))
    .optional(),
});
export type InboxListInput = z.infer<typeof InboxListInput>;

/** Marking inbox items read: the ones named, or all of one's own (`all: true`). */
export const MarkInboxReadInput = z.union(
  [
    z.strictObject({ items: z.array(z.string().max(64)).min(1).max(500) }),
    z.strictObject({ all: z.literal(true) }),
  ],
  { error: 'send either "items" (a list of inbox item ids) or "all": true' },
);
export type MarkInboxReadInput = z.infer<typeof MarkInboxReadInput>;
