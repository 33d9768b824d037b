import type { BodyPhoto } from "./body-photo-line";

/**
 * A placed photo in readers' words, where the page would show the picture but text must stand in (the change
 * log): "Photo: <caption> (<credit>)", the alt text when there is no caption.
 */
export function readerPhotoText(photo: BodyPhoto): string {
  const what = photo.caption.trim() || photo.alt.trim();
  const credit = photo.credit.trim();
  return `Photo${what ? `: ${what}` : ""}${credit ? ` (${credit})` : ""}`;
}
