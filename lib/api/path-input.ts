import { z } from "zod";

import { RevisionNumberInput } from "@/lib/revisions/revision-number-input";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

/**
 * The segments of the API's addresses. A slug or a schedule id is taken as it comes: one that names nothing is
 * the service's 404, not a 400 here.
 */
export const StoryPathInput = z.object({ slug: z.string() });

/** `{number}` is checked at the door, so a refusal names the segment ("1e2" is not revision 100). */
export const RevisionPathInput = StoryPathInput.extend({ number: RevisionNumberInput });

export const SchedulePathInput = StoryPathInput.extend({ id: z.string() });

/** A story's review request (lib/reviews); an id that names none of its requests is the service's 404. */
export const ReviewRequestPathInput = StoryPathInput.extend({ id: z.string() });

/** A legal removal's number, as "Removal 12" and its marker ⟦removed 12⟧ carry it: digits only. */
export const RemovalNumberInput = wholeNumberText({ example: "12" });

export const RemovalPathInput = z.object({ number: RemovalNumberInput });
