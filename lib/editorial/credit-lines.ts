import type { CreditRole } from "@/lib/revisions/revision-content";

export type CreditLineInput = { name: string; role: CreditRole; location: string | null };

/**
 * Closing credit lines, in AP style without a serial comma, credits kept in their order:
 *   contributed_reporting: "A contributed reporting from X, B from Y and C from Z."
 *   additional_reporting:  "Additional reporting by A from X and B."
 *   editing:               "Editing by A and B from Y."
 * Same shape for all three: names joined "A, B and C", each followed by "from <place>" when it has one.
 * Bylines are the byline line's job and photo credits sit under their images, so neither is repeated here.
 */
const order = ["contributed_reporting", "additional_reporting", "editing"] as const;

function joinAp(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// "… from Washington, D.C." ends the sentence with the abbreviation's own period, not a second one.
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

function withPlace(credit: CreditLineInput): string {
  const place = credit.location?.trim();
  return place ? `${credit.name} from ${place}` : credit.name;
}

function line(role: (typeof order)[number], credits: CreditLineInput[]): string {
  const [first, ...rest] = credits;
  if (!first) return "";
  if (role === "contributed_reporting") {
    const place = first.location?.trim();
    const lead = `${first.name} contributed reporting${place ? ` from ${place}` : ""}`;
    return sentence(joinAp([lead, ...rest.map(withPlace)]));
  }
  const prefix = role === "additional_reporting" ? "Additional reporting by" : "Editing by";
  return sentence(`${prefix} ${joinAp(credits.map(withPlace))}`);
}

export function creditLines(options: { credits: CreditLineInput[] }): string[] {
  return order
    .map((role) => line(role, options.credits.filter((credit) => credit.role === role && credit.name.trim() !== "")))
    .filter((text) => text !== "");
}
