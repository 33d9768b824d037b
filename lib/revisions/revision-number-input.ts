import { z } from "zod";

/** A revision number as it arrives in a URL segment. */
export const RevisionNumberInput = z.coerce.number({ error: "must be a revision number" }).int().min(1);
