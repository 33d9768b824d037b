/**
 * Limits every photo upload is held to, wherever it comes from (desk or API).
 * 40 MB fits a full-resolution 60-megapixel JPEG from a professional camera; anything bigger is refused
 * while it streams in, before it is buffered whole. 100 megapixels of decoded pixels stops a decompression
 * bomb (a tiny file claiming enormous dimensions) before libvips allocates memory for it.
 */
export const mediaLimits = {
  maxUploadBytes: 40 * 1024 * 1024,
  maxInputPixels: 100_000_000,
  /**
   * The longest side of any rendition: WebP cannot encode past 16,383 px, nor can this build's AVIF encoder.
   * A tall or wide photo within the pixel limit (a 1080 × 20,000 scroll) gets renditions narrower than its
   * width rather than being refused.
   */
  maxRenditionSide: 16_383,
  /** Seconds one decode or encode may take before it is stopped (a fully loaded instance needs a few). */
  pipelineTimeoutSeconds: 60,
} as const;

/** Widths of the renditions readers get; a photo narrower than one gets no upscaled copy of it. */
export const renditionWidths = [320, 640, 1024, 1600, 2400] as const;

/** Formats readers get, best first (the order of `<source>` elements; JPEG is the `<img>` fallback). */
export const renditionFormats = ["avif", "webp", "jpeg"] as const;
export type RenditionFormat = (typeof renditionFormats)[number];

export const renditionTypes: Record<RenditionFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
};

/** File extension of a served rendition URL (/media/<sha256>.<ext>). */
export const renditionExtensions: Record<RenditionFormat, string> = {
  avif: "avif",
  webp: "webp",
  jpeg: "jpg",
};
