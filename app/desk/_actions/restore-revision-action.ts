"use server";

import { deskAction } from "@/app/_support/desk-action";
import { DeskRevisionPickInput, DeskRevisionRefInput } from "@/lib/desk/desk-action-input";
import { previewRestore, restoreRevision } from "@/lib/revisions/restore-revision";
import { RestoreRevisionInput } from "@/lib/revisions/restore-revision-input";
import { parseInput } from "@/lib/validation/parse-input";

import { savedRevision } from "./saved-revision";

/** Restores revision k as a new revision (editors and admins only); history stays whole. */
export const restoreRevisionAction = deskAction({
  name: "restoreRevision",
  permission: "revision:restore",
  input: DeskRevisionRefInput,
  run: async ({ actor, input: { slug, number, idempotencyKey, options } }) => {
    const restore = parseInput({ schema: RestoreRevisionInput, input: options });
    const { outcome, story, revision } = await restoreRevision({
      actor,
      slug,
      number,
      idempotencyKey,
      ...restore,
    });
    const message =
      outcome === "unchanged"
        ? `Nothing to restore: the newest revision already matches revision ${number}.`
        : `Restored revision ${number} as revision ${revision.number}${revision.published ? ", now live" : " (a draft)"}.`;
    return {
      status: "success",
      message,
      result: savedRevision({ slug: story.slug, revision, outcome }),
    };
  },
});

/**
 * What a restore of revision k would take back (published corrections, the developing label), for its dialog.
 */
export const previewRestoreAction = deskAction({
  name: "previewRestore",
  permission: "revision:restore",
  input: DeskRevisionPickInput,
  run: async ({ actor, input: { slug, number } }) => ({
    status: "success",
    message: "",
    result: await previewRestore({ actor, slug, number }),
  }),
});
