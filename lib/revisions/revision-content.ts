import { z } from "zod";

import { CreditRole, type RevisionKind } from "@/lib/db/generated/enums";
import { nameInput, requiredTextInput, textInput } from "@/lib/validation/text-rules";

/** Limits of one revision, in characters; a request carrying all of them at once still fits in maxRequestBodyBytes
 * (lib/server/shared-constants.mjs). */
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

/** Kinds that move the reader-facing "Updated" time. */
export const materialKinds = [
  "update",
  "correction",
  "clarification",
  "editors_note",
  "restore",
] as const satisfies readonly RevisionKind[];
/** Kinds whose public note is shown to readers and may never be left out. */
export const noteRequiredKinds = [
  "correction",
  "clarification",
  "editors_note",
] as const satisfies readonly RevisionKind[];

/**
 * A picture in a story: a photo from the library by `photoId` (the way pictures are added now), or an
 * image by `url` as stories written before the photo library carry. Caption, credit and alt text belong
 * to this use of the picture, so one photo can be captioned differently in two stories.
 */
export const StoryImageInput = z
  .strictObject({
    photoId: z.uuid({ error: "must be the id of a photo in the library" }).optional(),
    url: textInput({ max: contentLimits.url })
      .refine((value) => value === "" || /^https?:\/\//i.test(value) || value.startsWith("/"), {
        error: "must be an http(s) URL or a path on this site",
      })
      .default(""),
    alt: textInput({ max: contentLimits.caption }),
    caption: textInput({ max: contentLimits.caption }).default(""),
    credit: textInput({ max: contentLimits.name }).default(""),
  })
  .refine((image) => Boolean(image.photoId) !== Boolean(image.url), {
    error: "give either photoId (a photo in the library) or url for each image",
  });
export type StoryImage = z.infer<typeof StoryImageInput>;

/** A credit as integrations send it: a contributor named (found or created) or given by id. */
export const CreditInput = z
  .strictObject({
    name: nameInput({ max: contentLimits.name, required: "a credited name cannot be empty" }).optional(),
    contributorId: z.uuid().optional(),
    role: z.enum(CreditRole),
    location: requiredTextInput({
      max: contentLimits.location,
      required: "leave the location out, or name a place",
    }).optional(),
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
  headline: requiredTextInput({ max: contentLimits.headline, required: "a story needs a headline" }),
  dek: textInput({ max: contentLimits.dek }).default(""),
  byline: textInput({ max: contentLimits.byline }).default(""),
  body: textInput({ max: contentLimits.body, trim: false }),
  images: z.array(StoryImageInput).max(contentLimits.images).default([]),
  credits: z.array(CreditInput).max(contentLimits.credits).default([]),
  developing: z.boolean().default(false),
});
