import { z } from "zod";

import { requiredTextInput } from "@/lib/validation/text-rules";

/** Taking a story off the public site; the reason is kept in its status history. */
export const UnpublishStoryInput = z.strictObject({
  reason: requiredTextInput({ max: 1_000, required: "say why the story is being unpublished" }),
});
export type UnpublishStoryInput = z.infer<typeof UnpublishStoryInput>;
