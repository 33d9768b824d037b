import { createHash } from "node:crypto";

import type { RevisionContent } from "./revision-content";

/**
 * A digest of a revision's content over a canonical JSON form (fixed key order, credits by contributor),
 * so "nothing changed" is decided the same way whatever order a client sent its fields in.
 */
export function contentHash(options: { content: RevisionContent }): string {
  const { content } = options;
  const canonical = [
    content.headline,
    content.dek,
    content.byline,
    content.body,
    content.developing,
    // A library photo adds its id; images by URL hash as they always did, so stored hashes stay valid.
    content.images.map((image) => [
      image.url,
      image.alt,
      image.caption,
      image.credit,
      ...(image.photoId ? [image.photoId] : []),
    ]),
    content.credits.map((credit) => [credit.contributorId, credit.role, credit.location]),
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
