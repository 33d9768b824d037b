import { describe, expect, it } from "vitest";

import { createPinoLogger, logger } from "./logger";

function capture() {
  const lines: string[] = [];
  const pino = createPinoLogger({ destination: { write: (line) => lines.push(line) } });
  return { pino, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("logger", () => {
  it("never writes a password, token, cookie or secret, at any depth", () => {
    // Guards the hand-written logger's bug: it redacted only top-level keys, so next-auth's nested metadata
    // leaked.
    const { pino, lines } = capture();
    let deep: Record<string, unknown> = { password: "deep-password-9" };
    for (let level = 0; level < 20; level += 1) deep = { nested: deep, token: `deep-token-${level}` };
    pino.error(
      {
        metadata: {
          error: { message: "boom" },
          credentials: { email: "jane@example.test", password: "hunter2-secret-pw" },
        },
        request: {
          headers: {
            cookie: "next-auth.session-token=cookie-secret-1",
            authorization: "Bearer cdk_bearer-secret-2",
            "set-cookie": ["a=cookie-secret-3"],
          },
        },
        list: [{ secret: "array-secret-4" }, { newPassword: "array-secret-5" }],
        user: { passwordHash: "$argon2id$hash-secret-6" },
        deep,
      },
      "next-auth: CREDENTIALS",
    );
    const output = lines.join("");
    for (const secret of [
      "hunter2-secret-pw",
      "cookie-secret-1",
      "bearer-secret-2",
      "cookie-secret-3",
      "array-secret-4",
      "array-secret-5",
      "hash-secret-6",
      "deep-password-9",
      "deep-token-",
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain("jane@example.test");
    expect(output).toContain("[redacted]");
  });

  it("keeps ids, which are not secrets, so token creation and revocation can be traced", () => {
    // Guards the old name match that turned `tokenId` into "[redacted]".
    const { pino, records } = capture();
    pino.info(
      { tokenId: "7b0c6f0e-1111-4222-8333-444455556666", sessionId: "s-1", userId: "u-1" },
      "api token revoked",
    );
    expect(records()[0]).toMatchObject({
      level: "info",
      message: "api token revoked",
      tokenId: "7b0c6f0e-1111-4222-8333-444455556666",
      sessionId: "s-1",
      userId: "u-1",
    });
    expect(typeof records()[0]!.time).toBe("string");
  });

  it("writes errors with their message and stack", () => {
    const { pino, records } = capture();
    pino.error({ error: new Error("database went away") }, "unexpected error");
    expect(records()[0]).toMatchObject({ level: "error", error: { message: "database went away" } });
    expect(String((records()[0]!.error as { stack: string }).stack)).toContain("logger.test");
  });

  it("the shared logger keeps its (message, fields) call shape", () => {
    expect(() => logger.info("hello", { userId: "u" })).not.toThrow();
  });
});

describe("logged errors", () => {
  it("carry their kind, message, code and cause, not the driver objects hanging off them", () => {
    const { pino, records } = capture();
    const error = Object.assign(new Error("terminating connection", { cause: new Error("socket closed") }), {
      code: "57P01",
      client: { connectionParameters: { user: "copydesk", host: "db.internal", database: "copydesk" } },
    });
    pino.warn({ error }, "sign-in limit store connection lost");
    const logged = records()[0]!.error as Record<string, unknown>;
    expect(logged).toMatchObject({
      type: "Error",
      message: "terminating connection",
      code: "57P01",
      cause: { message: "socket closed" },
    });
    expect(JSON.stringify(records()[0])).not.toContain("db.internal");
  });
});
