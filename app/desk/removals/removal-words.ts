import type { LegalRemovalNoticePlacement } from "@/lib/db/generated/enums";
import type { RemovalField } from "@/lib/legal-removals/legal-removal-input";

/** How the desk names a request's parts; shared by the list, the request and the form. */
export const fieldLabels: Record<RemovalField, string> = {
  headline: "Headline",
  dek: "Dek",
  byline: "Byline",
  body: "Body",
};

/** A field as the record names it, which may be any stored field of the story ("summary", "notes"). */
export function fieldLabel(field: string): string {
  const labels: Record<string, string> = fieldLabels;
  return labels[field] ?? field;
}

export const placementLabels: Record<LegalRemovalNoticePlacement, string> = {
  in_place: "Where the text was",
  foot: "At the foot of the story",
};

export function removalItemCount(count: number): string {
  return count === 1 ? "1 thing to remove" : `${count} things to remove`;
}
