import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";

import { disconnectDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import { checkHealth } from "@/lib/health/check-health";
import { processParts } from "@/lib/server/process-wiring.mjs";

import { GET } from "./route";

describe("GET /api/health", () => {
  const testDatabaseUrl = process.env.DATABASE_URL;

  afterEach(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = testDatabaseUrl;
  });

  it("answers 200 ok when the database answers", async () => {
    const response = await GET();

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", db: "ok", invalidationsCaughtUpAt: null });
  });

  it("answers 503 with a reason, and no internals, when the database is unreachable", async () => {
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await findFreePort()}/copydesk`;

    const response = await GET();

    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "unavailable",
      db: "unreachable",
      reason: "The database is not reachable.",
    });
  });
});

describe("checkHealth", () => {
  it("gives up with a reason when the database does not answer in time", async () => {
    // A listener that accepts connections and never answers, like a firewalled or hung server.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const previous = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/copydesk`;
    try {
      expect(await checkHealth({ timeoutMs: 500 })).toEqual({
        status: "unavailable",
        db: "unreachable",
        reason: "The database did not answer within 0.5 seconds.",
      });
    } finally {
      processParts.prisma = undefined;
      process.env.DATABASE_URL = previous;
      silent.close();
      silent.unref();
    }
  });
});
