import "server-only";

import { z } from "zod";

import { getEnv } from "@/lib/env";
import { contentLimits } from "@/lib/revisions/revision-content";

import { photoTakenAt } from "./photo-taken-at";
import { readPhotoTags, type SkippedMetadata } from "./read-photo-tags";

/** What a photo file says about itself, as the desk prefills it; every field may be empty. */
export type PhotoMetadata = {
  caption: string;
  creator: string;
  /**
   * The credit line as printed under a photo: "Creator / Credit" (or Source), e.g. "Evgeniy Maloletka / AP".
   */
  credit: string;
  copyright: string;
  takenAt: Date | null;
};

/**
 * The most text taken from a file's metadata. Caption and credit are what a story's photo may carry (so a
 * prefilled caption always saves); a copyright notice is a line, not a document.
 */
export const photoTextLimits = {
  caption: contentLimits.caption,
  creator: contentLimits.name,
  credit: contentLimits.name,
  copyright: 500,
} as const;

type Tags = Record<string, unknown>;

/** A tag's value as one line of text: XMP language alternatives and lists become their first entry. */
function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim();
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value instanceof Uint8Array) return text(new TextDecoder().decode(value).replace(/\0+$/, ""));
  if (typeof value === "object") {
    const alternatives = value as Record<string, unknown>;
    return text(alternatives["x-default"] ?? alternatives.value ?? Object.values(alternatives)[0]);
  }
  return "";
}

/** The first of `[block, tag]` the file fills in. */
const first = (found: [Tags, string][]) =>
  found.map(([tags, name]) => text(tags[name])).find((value) => value !== "") ?? "";

const namespace = (xmp: Tags, name: string): Tags =>
  xmp[name] && typeof xmp[name] === "object" ? (xmp[name] as Tags) : {};

/** The printed credit line: creator and agency joined as newsrooms write them, without repeating one. */
export function creditLine(options: { creator: string; credit: string }): string {
  const { creator, credit } = options;
  if (!creator) return credit;
  if (!credit || credit.toLowerCase() === creator.toLowerCase()) return creator;
  return `${creator} / ${credit}`;
}

// Control characters PostgreSQL or a feed cannot carry, and halves of broken surrogate pairs, become spaces.
const unstorable =
  /[\u0000-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Metadata text as it enters the desk: storable, one line, and no longer than `max` (cut at a word, with
 * "…").
 */
function fileText(max: number) {
  return z.string().transform((value) => {
    const clean = value.replace(unstorable, " ").replace(/\s+/g, " ").trim();
    if (clean.length <= max) return { value: clean, cut: false };
    const head = clean.slice(0, max - 1);
    const word = head.replace(/\s+\S*$/, "");
    return { value: `${word.length > max / 2 ? word : head}…`, cut: true };
  });
}

/** The text fields of a photo file, capped where they enter the desk. */
export const PhotoFileTextInput = z.strictObject({
  caption: fileText(photoTextLimits.caption),
  creator: fileText(photoTextLimits.creator),
  agency: fileText(photoTextLimits.credit),
  copyright: fileText(photoTextLimits.copyright),
});

const skippedNotes: Record<SkippedMetadata, string> = {
  "xmp-too-large":
    "The file’s XMP metadata was too large to read, so anything only it held (caption, credit) is missing: type it in.",
  "xmp-too-deep":
    "The file’s XMP metadata was nested too deeply to read, so anything only it held (caption, credit) is missing: type it in.",
  "too-slow": "The file’s metadata took too long to read and was skipped: type the caption and credit in.",
  unreadable: "The file’s metadata could not be read and was skipped: type the caption and credit in.",
};

/**
 * Reads caption, creator, credit, copyright and date taken from a photo's IPTC, XMP and EXIF blocks (IPTC
 * first: it is what wire services fill in), within `metadataLimits`. Unreadable or oversized metadata is not
 * an error: it is skipped or shortened, and `notes` tell the editor what to type in.
 */
export async function readPhotoMetadata(options: {
  bytes: Uint8Array;
}): Promise<{ metadata: PhotoMetadata; notes: string[] }> {
  const { tags, skipped } = await readPhotoTags({ bytes: options.bytes });
  const { exif, iptc, xmp } = tags;
  const dc = namespace(xmp, "dc");
  const photoshop = namespace(xmp, "photoshop");
  const found = PhotoFileTextInput.parse({
    caption: first([
      [iptc, "Caption"],
      [dc, "description"],
      [exif, "ImageDescription"],
    ]),
    creator: first([
      [iptc, "Byline"],
      [dc, "creator"],
      [exif, "Artist"],
    ]),
    agency: first([
      [iptc, "Credit"],
      [iptc, "Source"],
      [photoshop, "Credit"],
      [photoshop, "Source"],
    ]),
    copyright: first([
      [iptc, "CopyrightNotice"],
      [dc, "rights"],
      [exif, "Copyright"],
    ]),
  });
  const credit = PhotoFileTextInput.shape.agency.parse(
    creditLine({ creator: found.creator.value, credit: found.agency.value }),
  );
  const notes = skipped.map((reason) => skippedNotes[reason]);
  if (found.caption.cut)
    notes.push(
      `The caption in the file was longer than ${photoTextLimits.caption.toLocaleString("en-US")} characters and was shortened: check its end.`,
    );
  if (found.creator.cut || found.agency.cut || found.copyright.cut || credit.cut)
    notes.push("A credit or copyright line in the file was too long and was shortened: check it.");
  return {
    metadata: {
      caption: found.caption.value,
      creator: found.creator.value,
      credit: credit.value,
      copyright: found.copyright.value,
      takenAt: photoTakenAt({ tags, zone: getEnv().NEWSROOM_TIME_ZONE }),
    },
    notes,
  };
}
