import { z } from "zod";

import { VerifyRemovedTextInput } from "@/lib/legal-removals/legal-removal-input";
import { StorySlugInput } from "@/lib/stories/story-slug";

/*
 * The envelopes the desk's legal-removal actions receive: which story or request. The request and the acts on
 * it (decline, withdraw) are parsed by the services' own schemas (lib/legal-removals/legal-removal-input.ts),
 * so a refusal names the field as the API does ("items.0", "publicNotice").
 */
export const DeskRequestRemovalInput = z.strictObject({
  slug: StorySlugInput,
  request: z.record(z.string(), z.unknown()),
});

const RemovalNumber = z.int().min(1);

export const DeskRemovalActInput = z.strictObject({
  number: RemovalNumber,
  act: z.record(z.string(), z.unknown()).default({}),
});

/** Which revision's stored text the form shows for choosing a passage. */
export const DeskRemovalSourceInput = z.strictObject({ slug: StorySlugInput, revision: z.int().min(1) });

/** A text to check against an approved removal's salted hashes; never stored. */
export const DeskVerifyRemovalInput = VerifyRemovedTextInput.extend({ number: RemovalNumber });
