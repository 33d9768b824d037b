import { z } from "zod";

/** Leaving a draft's public note out of a publication on purpose: which draft, and why (kept in history). */
export const NoteRemovalInput = z.strictObject({
  revision: z.int({ error: "must be a revision number" }).min(1),
  reason: z.string().trim().min(1, { error: "say why this note is left out" }).max(1_000),
});
export type NoteRemovalInput = z.infer<typeof NoteRemovalInput>;

/** Up to 50 removals per publication; more is not a newsroom's situation but a client's bug. */
export const NoteRemovalsInput = z.array(NoteRemovalInput).max(50);
