import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

import type { CreditInputValue, RevisionCredit } from "./revision-content";

/**
 * Turns credits as sent (a name, or a contributor id) into stored credits. A name is matched exactly;
 * an unknown name becomes a new contributor (ON CONFLICT so two saves naming the same new person agree).
 * With `create: false` unknown names are left unresolved with a `new:` placeholder id (for merge proposals).
 */
export async function resolveCredits(options: {
  tx: Prisma.TransactionClient;
  credits: CreditInputValue[];
  create: boolean;
}): Promise<RevisionCredit[]> {
  const { tx, credits } = options;
  const ids = [...new Set(credits.flatMap((credit) => (credit.contributorId ? [credit.contributorId] : [])))];
  const names = [...new Set(credits.flatMap((credit) => (credit.name ? [credit.name] : [])))];

  const byId = new Map(
    (ids.length > 0
      ? await tx.contributor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : []
    ).map((row) => [row.id, row]),
  );
  const missingIndex = credits.findIndex((credit) => credit.contributorId && !byId.has(credit.contributorId));
  if (missingIndex >= 0) {
    throw new AppError({
      code: "validation_failed",
      message: `unknown contributor ${credits[missingIndex]?.contributorId}`,
      userMessage: `Please check credits.${missingIndex}.contributorId: no such contributor.`,
      details: {
        fields: [{ path: `credits.${missingIndex}.contributorId`, message: "no contributor has this id" }],
      },
    });
  }

  const byName = new Map<string, string>();
  if (names.length > 0) {
    const found = await tx.contributor.findMany({
      where: { name: { in: names } },
      select: { id: true, name: true },
    });
    for (const row of found) byName.set(row.name, row.id);
    const unknown = names.filter((name) => !byName.has(name));
    if (unknown.length > 0 && options.create) {
      await tx.$executeRaw`INSERT INTO contributors (id, name) SELECT gen_random_uuid(), unnest(${unknown}::text[]) ON CONFLICT (name) DO NOTHING`;
      const created = await tx.contributor.findMany({
        where: { name: { in: unknown } },
        select: { id: true, name: true },
      });
      for (const row of created) byName.set(row.name, row.id);
    }
  }

  return credits.map((credit) => {
    const contributor = credit.contributorId ? byId.get(credit.contributorId) : undefined;
    const name = contributor?.name ?? credit.name ?? "";
    return {
      contributorId: contributor?.id ?? byName.get(name) ?? `new:${name}`,
      name,
      role: credit.role,
      location: credit.location ?? null,
    };
  });
}
