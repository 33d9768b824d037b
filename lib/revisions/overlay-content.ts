import type { RevisionContent, RevisionCredit } from "./revision-content";
import type { SaveRevisionInput } from "./save-revision-input";

/** The content of a new revision: each field sent replaces its base value; fields left out carry over. */
export function overlayContent(options: {
  base: RevisionContent;
  input: SaveRevisionInput;
  credits: RevisionCredit[] | undefined;
}): RevisionContent {
  const { base, input } = options;
  return {
    headline: input.headline ?? base.headline,
    dek: input.dek ?? base.dek,
    byline: input.byline ?? base.byline,
    body: input.body ?? base.body,
    images: input.images ?? base.images,
    credits: options.credits ?? base.credits,
    developing: input.developing ?? base.developing,
  };
}
