import { z } from "zod";

import { wholeNumberText } from "@/lib/validation/whole-number-text";

const version = wholeNumberText({ example: "2" });

/** Query of /stories/{slug}/history: which two published versions to compare (default: newest vs previous). */
export const PublicHistoryQueryInput = z.strictObject({
  from: version.optional(),
  to: version.optional(),
});
