import { AppError } from "@/lib/errors/app-error";

/** Upload formats Copydesk decodes; named by the file's bytes, never by its name or declared type. */
export type OriginalFormat = "jpeg" | "png" | "gif" | "webp" | "avif" | "heic";

export const originalTypes: Record<OriginalFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  heic: "image/heic",
};

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));

/** Brands of the ISO base media "ftyp" box that mark AVIF and HEIC stills. */
const avifBrands = new Set(["avif", "avis"]);
const heicBrands = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  return head.startsWith("<") && head.includes("<svg");
}

/**
 * The format of an upload from its first bytes. SVG is refused by name (it is a document that can carry
 * script and remote references, not a photo); anything else unrecognised is "not an image".
 */
export function sniffImage(options: { bytes: Uint8Array }): OriginalFormat {
  const { bytes } = options;
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a")) return "gif";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") {
    const brands = [ascii(bytes, 8, 12)];
    const boxSize = (bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!;
    for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length, 64); at += 4)
      brands.push(ascii(bytes, at, at + 4));
    if (brands.some((brand) => avifBrands.has(brand))) return "avif";
    if (brands.some((brand) => heicBrands.has(brand))) return "heic";
  }
  if (looksLikeSvg(bytes)) {
    throw new AppError({
      code: "unprocessable",
      message: "upload refused: SVG",
      userMessage: "SVG files can’t be used as photos. Export the picture as JPEG or PNG and upload that.",
    });
  }
  throw new AppError({
    code: "unprocessable",
    message: "upload refused: not a recognised image",
    userMessage: "That file isn’t a photo Copydesk can read. Upload a JPEG, PNG, WebP, AVIF or GIF file.",
  });
}
