"use server";

import { deskAction } from "@/app/_support/desk-action";
import { can } from "@/lib/auth/permissions";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { DeskSaveRevisionInput } from "@/lib/desk/desk-action-input";
import { saveRevision } from "@/lib/revisions/save-revision";

import { savedMessage, savedRevision } from "./saved-revision";

/**
 * Saves (and, for editors, publishes) a revision from the edit screen. A stale base comes back as the
 * "conflict" state carrying the merge proposal; nothing is thrown to the client.
 */
export const saveRevisionAction = deskAction({
  name: "saveRevision",
  permission: "revision:save",
  input: DeskSaveRevisionInput,
  run: async ({ actor, input: { slug, idempotencyKey, revision: fields } }) => {
    const { outcome, story, revision, readers } = await saveRevision({
      actor,
      slug,
      input: fields,
      idempotencyKey,
    });
    if (revision.published && outcome === "created") invalidatePublicStory({ slug: story.slug });
    return {
      status: "success",
      message: savedMessage({
        revision,
        outcome,
        canPublish: can({ actor, permission: "revision:publish" }),
        askedToPublish: fields.publish === true,
        readers,
      }),
      result: savedRevision({ slug: story.slug, revision, outcome }),
    };
  },
});
