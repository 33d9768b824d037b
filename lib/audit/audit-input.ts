import { z } from "zod";

import { StorySlugInput } from "@/lib/stories/story-slug";
import { textInput } from "@/lib/validation/text-rules";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

import { auditKinds } from "./audit-kinds";

/** A newsroom calendar day, inclusive, in NEWSROOM_TIME_ZONE; checked to be a real date by the service. */
const newsroomDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date like 2026-12-08" });

/** Empty form fields mean "no filter", as the desk's GET form sends them. */
const blankIsAbsent = (value: unknown) => (value === "" ? undefined : value);

/**
 * A page of the audit log, from the desk's form or the API's query string. `person` is a person's id or
 * email (what they did, or what was done to them); `story` a story's slug.
 */
export const AuditLogInput = z.strictObject({
  person: z.preprocess(
    blankIsAbsent,
    textInput({ max: 254, tooLong: "must be a person's id or email" }).optional(),
  ),
  story: z.preprocess(blankIsAbsent, StorySlugInput.optional()),
  kind: z.preprocess(
    blankIsAbsent,
    z.enum(auditKinds, { error: "is not a kind of entry the log has" }).optional(),
  ),
  from: z.preprocess(blankIsAbsent, newsroomDay.optional()),
  to: z.preprocess(blankIsAbsent, newsroomDay.optional()),
  cursor: z.preprocess(blankIsAbsent, z.string().max(200).optional()),
  limit: z.preprocess(blankIsAbsent, wholeNumberText({ example: "50", max: 200 }).default(50)),
});
export type AuditLogInput = z.input<typeof AuditLogInput>;
