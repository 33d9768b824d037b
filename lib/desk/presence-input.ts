import { z } from "zod";

/** What the edit screen reports every few seconds: which revision the editor is looking at. */
export const PresenceHeartbeatInput = z.strictObject({
  seenRevisionNumber: z.int().min(0).max(2_147_483_647),
});
