"use server";

import { deskAction } from "@/app/_support/desk-action";
import { DeskOutgoingInput } from "@/lib/desk/desk-action-input";
import { readOutgoingRevisions } from "@/lib/desk/outgoing-revisions";

/**
 * Read when a publish or schedule confirmation opens, not with the page: after a merge or a colleague's save
 * the page's copy is old, and the confirmation must compare with what readers have now.
 */
export const readOutgoingAction = deskAction({
  name: "readOutgoing",
  permission: "desk:read",
  input: DeskOutgoingInput,
  run: async ({ actor, input: { slug } }) => ({
    status: "success",
    message: "",
    result: await readOutgoingRevisions({ actor, slug }),
  }),
});
