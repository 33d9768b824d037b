import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

/*
 * Mentions. A person's handle is the part of their email before the @ ("jane.doe" for jane.doe@example.org),
 * matched without regard to case; where two active people share it, the whole email names one of them
 * ("@jane@example.org"). A handle that names nobody active, or several people, is left as text and tells
 * nobody. An @ inside a word (an email address written in the comment) is not a mention.
 */

const mentionPattern =
  /(?<![\p{L}\p{N}_.@+-])@([A-Za-z0-9][A-Za-z0-9._%+-]*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/gu;

/** The handles written in a comment, lower-cased, each once (trailing punctuation is not part of one). */
export function mentionedHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const match of body.matchAll(mentionPattern)) {
    const handle = (match[1] ?? "").replace(/[._%+-]+$/, "").toLowerCase();
    if (handle) handles.add(handle);
  }
  return [...handles];
}

/** A person's handle: the local part of their email, lower-cased. */
export function handleOf(email: string): string {
  return email.slice(0, email.lastIndexOf("@")).toLowerCase();
}

/** The active people a comment mentions, by id. */
export async function resolveMentions(options: {
  tx: Prisma.TransactionClient;
  body: string;
}): Promise<string[]> {
  const handles = mentionedHandles(options.body);
  if (handles.length === 0) return [];
  const locals = handles.map((handle) => (handle.includes("@") ? handleOf(handle) : handle));
  const people = await options.tx.user.findMany({
    where: {
      active: true,
      OR: locals.map((local) => ({ email: { startsWith: `${local}@`, mode: "insensitive" as const } })),
    },
    select: { id: true, email: true },
  });
  const found = new Set<string>();
  for (const handle of handles) {
    const matches = handle.includes("@")
      ? people.filter((person) => person.email.toLowerCase() === handle)
      : people.filter((person) => handleOf(person.email) === handle);
    const [only] = matches;
    if (matches.length === 1 && only) found.add(only.id);
  }
  return [...found];
}
