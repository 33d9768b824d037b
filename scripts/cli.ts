// `npm run cli -- <command>`: user and API-token administration for newsroom IT and scripts.
// Run `npm run cli -- --help` for the commands. Everything goes through lib/auth's services.
import { parseArgs } from "node:util";
import type { z } from "zod";

import { disconnectDb } from "@/lib/db/client";
import { readEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";

import { commands, type Command } from "./cli/commands";
import { helpText } from "./cli/help";
import { loadDotEnv } from "./support/load-dotenv";
import { openDatabase, type OpenDatabase } from "./support/open-database";
import { ReportedFailure, runMain } from "./support/run-main";

function usageError(options: { message: string; command?: Command }): ReportedFailure {
  const hint = options.command
    ? `Usage: npm run cli -- ${options.command.usage}`
    : "Run `npm run cli -- --help` for the commands.";
  return new ReportedFailure({ message: `${options.message}\n${hint}`, exitCode: 2 });
}

type CommandLine = { kind: "help"; text: string } | { kind: "run"; command: Command; args: unknown };

function parseCommandLine(argv: string[]): CommandLine {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help")
    return { kind: "help", text: helpText({ commands }) };
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw usageError({ message: `Unknown command "${name}".` });
  let values: Record<string, unknown>;
  let tokens: { kind: string; name?: string }[];
  try {
    ({ values, tokens } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
      tokens: true,
    }));
  } catch (error) {
    throw usageError({ message: `${command.name}: ${(error as Error).message}`, command });
  }
  // parseArgs keeps the last of a repeated flag; `--email a --email b` must not quietly act on b alone.
  const repeated = tokens.find(
    (token, index) =>
      token.kind === "option" &&
      tokens.findIndex((other) => other.kind === "option" && other.name === token.name) !== index,
  );
  if (repeated)
    throw usageError({
      message: `${command.name}: --${repeated.name} was given more than once; give it once.`,
      command,
    });
  if (values.help)
    return { kind: "help", text: `Usage: npm run cli -- ${command.usage}\n${command.summary}` };
  const parsed = (command.schema as z.ZodType).safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue?.path.length ? `--${String(issue.path[0])}` : "arguments";
    const missing =
      issue?.code === "invalid_type" && issue.path.length > 0 && values[String(issue.path[0])] === undefined;
    const problem = missing ? `${flag} is required` : `${flag}: ${issue?.message ?? "is invalid"}`;
    throw usageError({ message: `${command.name}: ${problem}.`, command });
  }
  return { kind: "run", command, args: parsed.data };
}

// stdout carries only what a script captures (a new token); service logs go to stderr with the rest.
console.log = console.error;
console.info = console.error;

let database: OpenDatabase | undefined;

await runMain(
  async () => {
    const parsed = parseCommandLine(process.argv.slice(2));
    if (parsed.kind === "help") {
      process.stdout.write(`${parsed.text}\n`);
      return;
    }
    loadDotEnv();
    const env = readEnv();
    database = await openDatabase({
      env,
      ifOwnedElsewhere: "share",
      log: (line) => process.stderr.write(`${line}\n`),
    });
    await parsed.command.run({ args: parsed.args as never, env }).catch((error: unknown) => {
      // A value the services refuse is a bad command line too (exit 2), whichever check caught it.
      if (isAppError(error) && error.code === "validation_failed")
        throw usageError({
          message: `${parsed.command.name}: ${error.userMessage}`,
          command: parsed.command,
        });
      throw error;
    });
  },
  {
    cleanup: async () => {
      await disconnectDb();
      await database?.stop();
    },
  },
);
