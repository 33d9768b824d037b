import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { createStory } from "@/lib/revisions/create-story";
import { saveRevision, type SaveRevisionResult } from "@/lib/revisions/save-revision";

// A fictional developing story written for Copydesk's demo: the city, people and figures are invented.
export const demoStorySlug = "millbrook-transit-strike-talks";

const opening = [
  "Negotiators for the Millbrook Transit Authority and the union representing its bus drivers returned to the table on Tuesday evening, hours before a strike deadline that could halt service on all 42 routes.",
  "The union, Amalgamated Transit Workers Local 310, says its members have worked without a contract since June. Wages, split shifts and the authority's plan to contract out late-night routes remain the main points of disagreement.",
  'Mayor Rosalind Achebe urged both sides to keep talking. "Riders should not pay for a stalemate," she said at City Hall.',
];

const councilVote = (tally: string) =>
  `The City Council voted ${tally} late Tuesday to release $4.5 million in reserve funds to the authority, money council members said could only be spent on driver pay. The authority's board is expected to meet Wednesday morning.`;

const deadline =
  "The union has said its 1,800 drivers will walk off the job at 5 a.m. Thursday if no tentative agreement is reached. The authority has published a contingency plan that would keep four hospital and school routes running with supervisors at the wheel.";

// The illustration ships in public/images (it is also the public-side e2e image).
const photo = {
  url: "/images/harbor-bridge.svg",
  alt: "A suspension bridge and a small ferry in silhouette against an orange evening sky over the harbor",
  caption:
    "A commuter ferry passes under the Harbor Bridge on Tuesday evening. Ferries, also run by the authority, are not part of the dispute.",
  credit: "Lena Hart/Millbrook Ledger",
};

/** Every body the demo story goes through, oldest first (the body editor's round-trip tests read them). */
export function demoStoryBodies(): string[] {
  return [
    opening.join("\n\n"),
    [...opening, councilVote("8 to 1"), deadlineWithTypo()].join("\n\n"),
    [...opening, councilVote("7 to 2"), deadlineWithTypo()].join("\n\n"),
    [...opening, councilVote("7 to 2"), deadline].join("\n\n"),
  ];
}

async function step(result: Promise<SaveRevisionResult>): Promise<number> {
  return (await result).revision.number;
}

/**
 * Creates the demo story through the same services the desk and the API use: an initial publish, an update
 * with new facts and more credits, a photo, a correction with its public note, and a minor typo fix.
 */
export async function createDemoStory(options: { author: Actor }): Promise<SaveRevisionResult> {
  const actor = options.author;
  const created = await createStory({
    actor,
    input: {
      slug: demoStorySlug,
      headline: "Transit talks resume hours before Millbrook bus strike deadline",
      dek: "Drivers could walk off the job Thursday; the mayor urges both sides to keep talking.",
      byline: "By Dana Whitfield",
      body: opening.join("\n\n"),
      developing: true,
      credits: [{ name: "Dana Whitfield", role: "byline" }],
      publish: true,
      summary: "First version",
    },
  });
  const slug = created.story.slug;

  let base = await step(
    saveRevision({
      actor,
      slug,
      input: {
        baseRevision: created.revision.number,
        kind: "update",
        summary: "Adds the council vote on reserve funds and the strike deadline",
        body: [...opening, councilVote("8 to 1"), deadlineWithTypo()].join("\n\n"),
        credits: [
          { name: "Dana Whitfield", role: "byline" },
          { name: "Marcus Oyelaran", role: "contributed_reporting", location: "Millbrook" },
          { name: "Priya Castellanos", role: "contributed_reporting", location: "Riverside County" },
        ],
        publish: true,
      },
    }),
  );

  base = await step(
    saveRevision({
      actor,
      slug,
      input: {
        baseRevision: base,
        kind: "update",
        summary: "Adds a photo from the harbor",
        images: [photo],
        credits: [
          { name: "Dana Whitfield", role: "byline" },
          { name: "Marcus Oyelaran", role: "contributed_reporting", location: "Millbrook" },
          { name: "Priya Castellanos", role: "contributed_reporting", location: "Riverside County" },
          { name: "Lena Hart", role: "photo" },
        ],
        publish: true,
      },
    }),
  );

  base = await step(
    saveRevision({
      actor,
      slug,
      input: {
        baseRevision: base,
        kind: "correction",
        summary: "Corrects the council vote count",
        note: "An earlier version of this story misstated the council vote. It was 7 to 2, not 8 to 1.",
        body: [...opening, councilVote("7 to 2"), deadlineWithTypo()].join("\n\n"),
        publish: true,
      },
    }),
  );

  return saveRevision({
    actor,
    slug,
    input: {
      baseRevision: base,
      kind: "minor",
      body: [...opening, councilVote("7 to 2"), deadline].join("\n\n"),
      publish: true,
    },
  });
}

function deadlineWithTypo(): string {
  return deadline.replace("contingency", "contingincy");
}
