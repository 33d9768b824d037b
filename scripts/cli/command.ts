import type { z } from "zod";

import type { Env } from "@/lib/env";

type OptionSpec = { type: "string" | "boolean"; short?: string };

export type Command = {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  schema: z.ZodType;
  run: (options: { args: never; env: Env }) => Promise<void>;
};

/** Human-readable messages go to stderr; stdout carries only what a script would capture (a token, a list). */
export const tell = (line: string) => process.stderr.write(`${line}\n`);

export function command<Schema extends z.ZodType>(definition: {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  schema: Schema;
  run: (options: { args: z.infer<Schema>; env: Env }) => Promise<void>;
}): Command {
  return definition as unknown as Command;
}
