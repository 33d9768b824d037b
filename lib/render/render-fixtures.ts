import type { PublicArticle } from "./public-article";

/** A complete article for render tests; override what a test is about. */
export function sampleArticle(overrides: Partial<PublicArticle> = {}): PublicArticle {
  return {
    slug: "river-flood",
    headline: "River crests below flood stage",
    dek: "Levees held overnight.",
    byline: "By Ana Diaz",
    body: "The river crested at 28 feet.\n\nOfficials lifted the evacuation order.",
    images: [],
    bodyPhotos: [],
    credits: [{ name: "Ana Diaz", role: "byline", location: null }],
    developing: false,
    firstPublishedAt: "2025-02-12T20:07:00.000Z",
    lastMaterialUpdateAt: null,
    notes: [],
    removalNotices: [],
    newsroom: { name: "The Valley Ledger", timeZone: "America/New_York", timeStyle: "house" },
    ...overrides,
  };
}
