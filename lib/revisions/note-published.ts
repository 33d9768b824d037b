import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

/** Whether readers already have this exact public note on the story (on its own or carried from a draft). */
export async function notePublished(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  note: string | undefined;
}): Promise<boolean> {
  if (!options.note) return false;
  const rows = await options.tx.$queryRaw<{ found: number }[]>`
    SELECT 1 AS found FROM revisions
     WHERE story_id = ${options.storyId}::uuid AND published_at IS NOT NULL
       AND (public_note = ${options.note} OR carried_notes @> jsonb_build_array(jsonb_build_object('text', ${options.note}::text)))
     LIMIT 1`;
  return rows.length > 0;
}
