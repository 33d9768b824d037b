import { z } from "zod";

/** Limits that keep one revision under the 2 MB a save may carry. */
export const contentLimits = {
  headline: 300,
  dek: 1_000,
  byline: 300,
  body: 1_500_000,
  images: 50,
  credits: 100,
  summary: 500,
  publicNote: 5_000,
  internalNote: 5_000,
  name: 200,
  location: 200,
  url: 2_000,
  caption: 2_000,
} as const;

export const creditRoles = ["byline", "contributed_reporting", "additional_reporting", "photo", "editing"] as const;
export const revisionKinds = ["initial", "update", "correction", "clarification", "editors_note", "minor", "restore"] as const;
/** Kinds that move the reader-facing "Updated" time. */
export const materialKinds = ["update", "correction", "clarification", "editors_note", "restore"] as const;
/** Kinds whose public note is shown to readers and may never be left out. */
export const noteRequiredKinds = ["correction", "clarification", "editors_note"] as const;

export type CreditRole = (typeof creditRoles)[number];
export type RevisionKind = (typeof revisionKinds)[number];

const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });

export const StoryImageInput = z.strictObject({
  url: z
    .string()
    .trim()
    .max(contentLimits.url)
    .refine((value) => /^https?:\/\//i.test(value) || value.startsWith("/"), {
      error: "must be an http(s) URL or a path on this site",
    }),
  alt: text(contentLimits.caption).trim(),
  caption: text(contentLimits.caption).trim().default(""),
  credit: text(contentLimits.name).trim().default(""),
});
export type StoryImage = z.infer<typeof StoryImageInput>;

/** A credit as integrations send it: a contributor named (found or created) or given by id. */
export const CreditInput = z
  .strictObject({
    name: text(contentLimits.name).trim().min(1, { error: "a credited name cannot be empty" }).optional(),
    contributorId: z.uuid().optional(),
    role: z.enum(creditRoles),
    location: text(contentLimits.location).trim().min(1).optional(),
  })
  .refine((credit) => Boolean(credit.name) !== Boolean(credit.contributorId), {
    error: "give either name or contributorId for each credit",
  });
export type CreditInputValue = z.infer<typeof CreditInput>;

/** A credit as stored in a revision: always resolved to a contributor. */
export type RevisionCredit = {
  contributorId: string;
  name: string;
  role: CreditRole;
  location: string | null;
};

/** The content snapshot every revision carries; the unit diffs and merges work on. */
export type RevisionContent = {
  headline: string;
  dek: string;
  byline: string;
  body: string;
  images: StoryImage[];
  credits: RevisionCredit[];
  developing: boolean;
};

export const RevisionContentInput = z.strictObject({
  headline: text(contentLimits.headline).trim().min(1, { error: "a story needs a headline" }),
  dek: text(contentLimits.dek).trim().default(""),
  byline: text(contentLimits.byline).trim().default(""),
  body: text(contentLimits.body),
  images: z.array(StoryImageInput).max(contentLimits.images).default([]),
  credits: z.array(CreditInput).max(contentLimits.credits).default([]),
  developing: z.boolean().default(false),
});
