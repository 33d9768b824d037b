import { text } from "node:stream/consumers";
import { z } from "zod";

import { EmailInput } from "@/lib/auth/user-input";
import { LegalRemovalState } from "@/lib/db/generated/enums";
import type { LegalRemovalRequestDto } from "@/lib/legal-removals/legal-removal-dto";
import { wholeNumberText } from "@/lib/validation/whole-number-text";
import { ReportedFailure } from "@/scripts/support/run-main";

import { command, tell } from "./command";

/*
 * Reading legal removals (issue 24) from the command line. These act as a named admin (--as), not as "system":
 * a removal is a two-person process, so who reads is who the services check, and "waiting for you" means them.
 * Asking and deciding stay on the desk and the API, where each admin signs in as themselves.
 */

const legalRemovals = () => import("@/lib/legal-removals/list-legal-removals");
const actorFor = async (email: string) =>
  (await import("@/lib/auth/load-actor")).loadCommandLineActor({ email });

const As = EmailInput;
const RemovalNumber = wholeNumberText({ example: "12" });

const ListArgs = z.strictObject({
  as: As,
  state: z.enum(LegalRemovalState, { error: "must be pending, approved, withdrawn or declined" }).optional(),
  story: z.string().min(1).max(120).optional(),
});
const ShowArgs = z.strictObject({ as: As, number: RemovalNumber });

/** One request a line, tab-separated; times are UTC instants. */
function removalLine(removal: LegalRemovalRequestDto): string {
  return [
    removal.number,
    removal.state,
    removal.waitingForYou ? "yes" : "no",
    removal.slug,
    removal.items.length,
    removal.requestedBy.name,
    removal.requestedAt,
    removal.decidedBy?.name ?? "",
    removal.decidedAt ?? "",
  ].join("\t");
}

export const removalCommands = [
  command({
    name: "removals:list",
    usage: "removals:list --as ADMIN_EMAIL [--state pending|approved|withdrawn|declined] [--story SLUG]",
    summary:
      "List legal removal requests, newest first, on stdout: number, state, waiting for you, story, items, asked by, asked, decided by, decided.",
    options: { as: { type: "string" }, state: { type: "string" }, story: { type: "string" } },
    schema: ListArgs,
    run: async ({ args }) => {
      const actor = await actorFor(args.as);
      const { listLegalRemovals } = await legalRemovals();
      const removals = await listLegalRemovals({ actor, state: args.state, slug: args.story });
      process.stdout.write(
        [
          "number\tstate\twaiting for you\tstory\titems\tasked by\tasked\tdecided by\tdecided",
          ...removals.map(removalLine),
        ].join("\n") + "\n",
      );
      const waiting = removals.filter((removal) => removal.waitingForYou).length;
      tell(
        `${removals.length} ${removals.length === 1 ? "request" : "requests"}; ${waiting} waiting for you.`,
      );
    },
  }),
  command({
    name: "removals:show",
    usage: "removals:show --as ADMIN_EMAIL --number N",
    summary:
      "Print one request as JSON on stdout (as GET /api/v1/removals/N answers), with its removal record once approved.",
    options: { as: { type: "string" }, number: { type: "string" } },
    schema: ShowArgs,
    run: async ({ args }) => {
      const actor = await actorFor(args.as);
      const { getLegalRemoval } = await legalRemovals();
      const removal = await getLegalRemoval({ actor, number: args.number });
      process.stdout.write(`${JSON.stringify({ removal }, null, 2)}\n`);
    },
  }),
  command({
    name: "removals:verify",
    usage: "removals:verify --as ADMIN_EMAIL --number N < text",
    summary:
      "Check whether the text on stdin (one final line break dropped) is one removal N took out, by its salted SHA-256s. Prints each match (kind, field) on stdout; exit 0 on a match, 1 on none. Read from stdin so the text stays out of shell history and the process list.",
    options: { as: { type: "string" }, number: { type: "string" } },
    schema: ShowArgs,
    run: async ({ args }) => {
      const actor = await actorFor(args.as);
      const piped = process.stdin.isTTY ? "" : await text(process.stdin);
      const checked = piped.replace(/\r?\n$/, "");
      if (checked === "")
        throw new ReportedFailure({
          message:
            "removals:verify: give the text on stdin, e.g. `npm run cli -- removals:verify … < passage.txt`.",
          exitCode: 2,
        });
      const { verifyRemovedText } = await import("@/lib/legal-removals/verify-removed-text");
      const { matches } = await verifyRemovedText({ actor, number: args.number, text: checked });
      process.stdout.write(matches.map((match) => `${match.kind}\t${match.field ?? ""}\n`).join(""));
      if (matches.length === 0)
        throw new ReportedFailure({
          message: `This text matches nothing removal ${args.number} took out.`,
          exitCode: 1,
        });
      tell(
        `This text is one removal ${args.number} took out (${matches.length} ${matches.length === 1 ? "match" : "matches"}).`,
      );
    },
  }),
];
