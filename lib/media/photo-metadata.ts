import exifr from "exifr";

/** What a photo file says about itself, as the desk prefills it; every field may be empty. */
export type PhotoMetadata = {
  caption: string;
  creator: string;
  /** The credit line as printed under a photo: "Creator / Credit" (or Source), e.g. "Evgeniy Maloletka / AP". */
  credit: string;
  copyright: string;
  takenAt: Date | null;
};

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

const first = (tags: Tags, names: readonly string[]) => names.map((name) => text(tags[name])).find((value) => value !== "") ?? "";

/** The printed credit line: creator and agency joined as newsrooms write them, without repeating one. */
export function creditLine(options: { creator: string; credit: string }): string {
  const { creator, credit } = options;
  if (!creator) return credit;
  if (!credit || credit.toLowerCase() === creator.toLowerCase()) return creator;
  return `${creator} / ${credit}`;
}

function takenAt(tags: Tags): Date | null {
  const value = tags.DateTimeOriginal ?? tags.CreateDate ?? tags.DateCreated;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === "string") {
    const date = new Date(value.replace(/^(\d{4}):(\d{2}):(\d{2})/, "$1-$2-$3"));
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/**
 * Reads caption, creator, credit, copyright and date taken from a photo's IPTC, XMP and EXIF blocks (IPTC
 * first: it is what wire services fill in). Unreadable metadata is not an error: the editor types it.
 */
export async function readPhotoMetadata(options: { bytes: Uint8Array }): Promise<PhotoMetadata> {
  let tags: Tags = {};
  try {
    tags = ((await exifr.parse(Buffer.from(options.bytes), {
      tiff: true,
      exif: true,
      gps: false,
      iptc: true,
      xmp: true,
      icc: false,
      mergeOutput: true,
      reviveValues: true,
    })) ?? {}) as Tags;
  } catch {
    tags = {};
  }
  const creator = first(tags, ["Byline", "creator", "Artist"]);
  const agency = first(tags, ["Credit", "Source", "source"]);
  return {
    caption: first(tags, ["Caption", "description", "ImageDescription"]),
    creator,
    credit: creditLine({ creator, credit: agency }),
    copyright: first(tags, ["CopyrightNotice", "rights", "Copyright"]),
    takenAt: takenAt(tags),
  };
}
