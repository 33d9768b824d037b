import type { CreditRole } from "@/lib/db/generated/enums";

export type CreditLineInput = { name: string; role: CreditRole; location: string | null };

/**
 * Closing credit lines, in AP style without a serial comma, credits kept in their order:
 *   contributed_reporting: "A contributed reporting from X, B from Y and C from Z."  (everyone placed)
 *                          "A, B and C contributed reporting."                       (nobody placed)
 *   additional_reporting:  "Additional reporting by A from X and B from Y." / "Additional reporting by A and
 * B."   editing:               "Editing by A and B."
 * A list that mixes names with and without a place is never run together: "A from X and B" reads as if B were
 * a second place, and "A and B from Y" as if both were in Y. The placed and the unplaced credits are signed
 * as two groups instead, the group of the first credit leading:
 *   "A contributed reporting from X and C from Z. B also contributed reporting."
 *   "B contributed reporting, as did A from X and C from Z."
 *   "Additional reporting by A from X, and by B."
 * Bylines are the byline line's job and photo credits sit under their images, so neither is repeated here.
 */
const order = ["contributed_reporting", "additional_reporting", "editing"] as const;

type Named = { name: string; place: string | null };

// A place with a comma of its own ("Washington, D.C.") takes a closing comma when the sentence goes on, as AP
// writes "from Nashville, Tenn., and …", so the last name is not read as part of the place.
function joinAp(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  const last = items.slice(0, -1).join(", ");
  return `${last}${items[items.length - 2]?.includes(",") ? "," : ""} and ${items[items.length - 1]}`;
}

// "… from Washington, D.C." ends the sentence with the abbreviation's own period, not a second one.
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

function withPlace(credit: Named): string {
  return credit.place ? `${credit.name} from ${credit.place}` : credit.name;
}

/**
 * "A contributed reporting from X, B from Y and C from Z": the verb is said once and understood for the rest.
 */
function placedReporting(placed: Named[]): string {
  const [first, ...rest] = placed;
  if (!first) return "";
  return joinAp([`${first.name} contributed reporting from ${first.place ?? ""}`, ...rest.map(withPlace)]);
}

function reportingLine(credits: Named[]): string {
  const placed = credits.filter((credit) => credit.place);
  const unplaced = credits.filter((credit) => !credit.place).map((credit) => credit.name);
  if (unplaced.length === 0) return sentence(placedReporting(placed));
  if (placed.length === 0) return sentence(`${joinAp(unplaced)} contributed reporting`);
  if (credits[0]?.place)
    return `${sentence(placedReporting(placed))} ${joinAp(unplaced)} also contributed reporting.`;
  return sentence(`${joinAp(unplaced)} contributed reporting, as did ${joinAp(placed.map(withPlace))}`);
}

function byLine(prefix: string, credits: Named[]): string {
  const placed = credits.filter((credit) => credit.place).map(withPlace);
  const unplaced = credits.filter((credit) => !credit.place).map((credit) => credit.name);
  if (placed.length === 0 || unplaced.length === 0)
    return sentence(`${prefix} ${joinAp(credits.map(withPlace))}`);
  const [lead, next] = credits[0]?.place ? [placed, unplaced] : [unplaced, placed];
  return sentence(`${prefix} ${joinAp(lead)}, and by ${joinAp(next)}`);
}

function line(role: (typeof order)[number], credits: Named[]): string {
  if (credits.length === 0) return "";
  if (role === "contributed_reporting") return reportingLine(credits);
  return byLine(role === "additional_reporting" ? "Additional reporting by" : "Editing by", credits);
}

export function creditLines(options: { credits: CreditLineInput[] }): string[] {
  return order
    .map((role) =>
      line(
        role,
        options.credits
          .filter((credit) => credit.role === role && credit.name.trim() !== "")
          .map((credit) => ({ name: credit.name, place: credit.location?.trim() || null })),
      ),
    )
    .filter((text) => text !== "");
}
