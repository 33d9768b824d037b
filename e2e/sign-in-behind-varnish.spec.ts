import http from "node:http";
import { expect, test } from "@playwright/test";
import pg from "pg";

import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import { startVarnish, type RunningVarnish } from "@/lib/delivery/testing/start-varnish";

import { seedUser } from "./support/auth";
import { openOwnE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";

/*
 * Behind a cache, everyone was one address (issue 23). Through a real Varnish with the shipped
 * deploy/varnish/default.vcl and TRUST_PROXY=1, as docs/deploying.md says: sign-ins are counted against the
 * client's own address (Varnish appends it to X-Forwarded-For), so failures from one client (127.0.0.2) do not
 * lock out another (127.0.0.3), and a client that sends its own X-Forwarded-For cannot choose the address it
 * is counted against.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

let databaseUrl: string;
let dropDatabase: () => Promise<void>;
let server: Awaited<ReturnType<typeof startOwnServer>>;
let varnish: RunningVarnish;

test.beforeAll(async () => {
  ({ databaseUrl, drop: dropDatabase } = await openOwnE2eDatabase({ prefix: "varnish_sign_in" }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("UPDATE security_policy SET second_factor_roles = '{}'");
  await client.end();
  const appPort = await findFreePort();
  server = await startOwnServer({ databaseUrl, port: appPort, env: { TRUST_PROXY: "1" } });
  varnish = await startVarnish({
    port: await findFreePort(),
    backends: [{ host: "127.0.0.1", port: appPort }],
  });
});

test.afterAll(async () => {
  await varnish?.stop();
  await server?.stop();
  await dropDatabase?.();
});

type Answer = { status: number; setCookies: string[]; body: string };

/** One HTTP request to Varnish from the given local address (the client's socket is bound to it). */
function send(options: {
  from: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<Answer> {
  const target = new URL(varnish.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: Number(target.port),
        localAddress: options.from,
        method: options.method,
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            setCookies: response.headers["set-cookie"] ?? [],
            body,
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** A whole password sign-in through next-auth's endpoints, as a script would; returns next-auth's error code. */
async function signIn(options: {
  from: string;
  email: string;
  password: string;
  forwardedFor?: string;
}): Promise<string | null> {
  const forged: Record<string, string> = options.forwardedFor
    ? { "x-forwarded-for": options.forwardedFor }
    : {};
  const csrf = await send({ from: options.from, method: "GET", path: "/api/auth/csrf", headers: forged });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((each) => each.split(";")[0]).join("; ");
  const body = new URLSearchParams({
    email: options.email,
    password: options.password,
    csrfToken,
    json: "true",
  });
  const answer = await send({
    from: options.from,
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { ...forged, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
  const { url } = JSON.parse(answer.body) as { url: string };
  return new URL(url).searchParams.get("error");
}

// Guards issue 23: behind Varnish with TRUST_PROXY unset, every sign-in counted against Varnish's address.
test("failures from one client address do not lock out another, and a forged X-Forwarded-For is no way out", async () => {
  const editor = await seedUser({ role: "editor" });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    expect(
      await signIn({ from: "127.0.0.2", email: `guess-${attempt}@e2e.test`, password: "guessing wrong" }),
    ).toBe("invalid");
  }
  // 127.0.0.2 is now locked out, right password included...
  expect(await signIn({ from: "127.0.0.2", email: editor.email, password: editor.password })).toMatch(
    /^locked-\d+$/,
  );
  // ...and naming another address in X-Forwarded-For does not help: Varnish appends the real one, which counts.
  expect(
    await signIn({
      from: "127.0.0.2",
      email: editor.email,
      password: editor.password,
      forwardedFor: "127.0.0.9",
    }),
  ).toMatch(/^locked-\d+$/);
  // Another client behind the same Varnish is not its neighbour's victim.
  expect(await signIn({ from: "127.0.0.3", email: editor.email, password: editor.password })).toBeNull();

  const addresses = await getDb().authEvent.groupBy({
    by: ["kind", "clientAddress"],
    where: { OR: [{ userId: editor.id }, { email: editor.email }, { email: { startsWith: "guess-" } }] },
    _count: true,
    orderBy: [{ kind: "asc" }, { clientAddress: "asc" }],
  });
  expect(addresses.map((row) => [row.kind, row.clientAddress, row._count])).toEqual([
    ["sign_in", "127.0.0.3", 1],
    ["sign_in_failed", "127.0.0.2", 52],
  ]);
});
