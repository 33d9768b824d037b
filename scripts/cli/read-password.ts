import readline from "node:readline";
import { Writable } from "node:stream";

import { passwordStrengthIssue } from "@/lib/auth/password-strength";
import { PasswordInput } from "@/lib/auth/user-input";
import { ReportedFailure } from "@/scripts/support/run-main";

function askHidden(prompt: string): Promise<string> {
  let muted = false;
  // Echo the prompt, then swallow what the terminal would echo back of the typed password.
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
    muted = true;
    rl.on("SIGINT", () => {
      rl.close();
      process.stderr.write("\n");
      reject(new ReportedFailure({ message: "Cancelled.", exitCode: 130 }));
    });
  });
}

/**
 * A password the account rules refuse is a bad command line: nothing is changed, and the message says where
 * it came from.
 */
function checkedPassword(options: { password: string; source: string }): string {
  const parsed = PasswordInput.safeParse(options.password);
  // The command line is a process of its own: the strength estimate can run here, before anything is asked.
  const weakness = parsed.success ? passwordStrengthIssue({ password: parsed.data }) : null;
  if (parsed.success && !weakness) return parsed.data;
  const rule = (weakness ?? parsed.error?.issues[0]?.message ?? "Password is not acceptable").replace(
    /\.$/,
    "",
  );
  throw new ReportedFailure({ message: `${options.source}: ${rule}. Nothing was changed.`, exitCode: 2 });
}

/** The new password: COPYDESK_PASSWORD, or typed twice at a hidden prompt. */
export async function readNewPassword(options: { fromEnv?: string; email: string }): Promise<string> {
  if (options.fromEnv !== undefined)
    return checkedPassword({ password: options.fromEnv, source: "COPYDESK_PASSWORD" });
  if (!process.stdin.isTTY) {
    throw new ReportedFailure({
      message:
        "No password given. Set COPYDESK_PASSWORD, or run the command in a terminal to type it at a prompt.",
      exitCode: 2,
    });
  }
  const first = await askHidden(`Password for ${options.email} (at least 12 characters): `);
  const second = await askHidden("Type it again: ");
  if (first !== second)
    throw new ReportedFailure({ message: "The two passwords differ; nothing was changed.", exitCode: 2 });
  return checkedPassword({ password: first, source: "The typed password" });
}
