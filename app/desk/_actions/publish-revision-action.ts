"use server";

import { deskAction } from "@/app/_support/desk-action";
import { DeskRevisionRefInput } from "@/lib/desk/desk-action-input";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { PublishRevisionInput } from "@/lib/revisions/publish-revision-input";
import { parseInput } from "@/lib/validation/parse-input";

import { savedRevision } from "./saved-revision";

/**
 * Makes a saved draft (say, a contributor's submission) live with the kind and public text the editor set.
 */
export const publishRevisionAction = deskAction({
  name: "publishRevision",
  permission: "revision:publish",
  input: DeskRevisionRefInput,
  run: async ({ actor, input: { slug, number, idempotencyKey, options } }) => {
    const publication = parseInput({ schema: PublishRevisionInput, input: options });
    const { outcome, story, revision } = await publishRevision({
      actor,
      slug,
      number,
      idempotencyKey,
      ...publication,
    });
    const message =
      outcome === "unchanged"
        ? "Nothing was published: readers would see no difference from what they have now, so “Updated” stays as it is."
        : `Published revision ${number} as revision ${revision.number}. Readers see it now.`;
    return {
      status: "success",
      message,
      result: savedRevision({ slug: story.slug, revision, outcome }),
    };
  },
});
