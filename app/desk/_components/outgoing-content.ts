import type { RevisionContent } from "@/lib/revisions/revision-content";

import { contentPayload, type ContentDraft } from "./editor-draft";

/**
 * The form's content as a revision would hold it, for comparing in the browser with revisions from the
 * server. The form names contributors, not ids, so both sides of such a comparison key credits by name
 * (`byName`).
 */
export function draftRevisionContent(content: ContentDraft): RevisionContent {
  const payload = contentPayload(content);
  return {
    ...payload,
    images: payload.images.map((image) => ({ url: "", ...image })),
    credits: content.credits.map((credit) => ({
      contributorId: credit.name.trim(),
      name: credit.name.trim(),
      role: credit.role,
      location: credit.location.trim() || null,
    })),
  };
}

/** A stored revision with its credits keyed by name, to compare with the form's content. */
export function byName(content: RevisionContent): RevisionContent {
  return {
    ...content,
    credits: content.credits.map((credit) => ({ ...credit, contributorId: credit.name })),
  };
}
