import type { Command } from "./commands";

/** The text `npm run cli -- --help` prints. */
export function helpText(options: { commands: Command[] }): string {
  return [
    "Copydesk administration",
    "",
    "Usage: npm run cli -- <command> [options]",
    "",
    "Commands:",
    ...options.commands.flatMap((command) => [`  ${command.usage}`, `      ${command.summary}`]),
    "",
    "Works on DATABASE_URL, or on the embedded database in .data/ (also while `npm start` is running).",
    "Exit codes: 0 done, 1 failed, 2 bad command line.",
  ].join("\n");
}
