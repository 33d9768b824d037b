import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { fillBodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";

/*
 * Server actions posted by someone without a session, against the real built server. Their ids are in the
 * public JavaScript chunks; here one is read from the build's own manifest, the same id an attacker would
 * copy.
 */
const baseUrl = new URL(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`);

function realActionId(): string {
  const manifest = JSON.parse(
    readFileSync(
      path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json"),
      "utf8",
    ),
  ) as { node: Record<string, unknown> };
  const id = Object.keys(manifest.node)[0];
  if (!id) throw new Error("the build has no server actions");
  return id;
}

type Exchange = { status: number; body: string; events: string[] };

/**
 * Posts `body` as a server action with node:http, but sends only its first megabyte and holds the rest back
 * until an answer comes: a server that must read the whole body before answering never answers (the spec then
 * fails on its timeout). `onAnswer` runs as soon as the answer is in; the rest of the body is never sent.
 */
function postAction(options: {
  actionId: string;
  body: Buffer;
  chunked?: boolean;
  cookie?: string;
  onAnswer?: (events: string[]) => Promise<void>;
}): Promise<Exchange> {
  const events: string[] = [];
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: baseUrl.hostname,
      port: baseUrl.port,
      method: "POST",
      path: "/desk",
      headers: {
        "next-action": options.actionId,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        ...(options.chunked
          ? { "transfer-encoding": "chunked" }
          : { "content-length": String(options.body.length) }),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
    });
    request.on("error", () => {}); // Destroyed below, once answered.
    request.on("response", (response) => {
      events.push("answered");
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        (options.onAnswer?.(events) ?? Promise.resolve()).then(() => {
          request.destroy();
          resolve({ status, body: text, events });
        }, reject);
      });
    });
    const firstPiece = 1024 * 1024;
    if (options.body.length <= firstPiece) request.end(options.body);
    else request.write(options.body.subarray(0, firstPiece));
  });
}

async function healthDuring(events: string[]): Promise<void> {
  const health = await fetch(new URL("/api/health", baseUrl));
  events.push(`health ${health.status}`);
}

// Guards the bug where an 11.8 MB body of nested brackets, without any session, held the instance for 4.8 s
// (health included).
test("an action without a session carrying 11.8 MB of nested brackets is refused with 413 before its body is read, and health answers meanwhile", async () => {
  const hostile = Buffer.from("[".repeat(11_800_000));
  const declared = await postAction({ actionId: realActionId(), body: hostile, onAnswer: healthDuring });
  expect(declared.status).toBe(413);
  expect(declared.body).toContain("larger than anything the desk sends before you sign in");
  // Refused from its declared length: answered, and health answered, while most of the body was still unsent.
  expect(declared.events).toEqual(["answered", "health 200"]);

  // A forged session cookie is no session.
  const forged = await postAction({
    actionId: realActionId(),
    body: hostile,
    cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged",
    onAnswer: healthDuring,
  });
  expect(forged.status).toBe(413);
  expect(forged.events).toEqual(["answered", "health 200"]);

  // Without a declared length, it is refused before a byte is read.
  const chunked = await postAction({
    actionId: realActionId(),
    body: hostile,
    chunked: true,
    onAnswer: healthDuring,
  });
  expect(chunked.status).toBe(411);
  expect(chunked.body).toContain("did not say how long it is");
  expect(chunked.events).toEqual(["answered", "health 200"]);
});

// Guards the same bug for bodies under the size limit: nesting Next would have had to decode is refused by
// its shape.
test("an action without a session whose small body nests 5,000 brackets deep is refused with 400 and a sentence", async () => {
  const nested = await postAction({
    actionId: realActionId(),
    body: Buffer.from(`${"[".repeat(5_000)}${"]".repeat(5_000)}`),
  });
  expect(nested.status).toBe(400);
  expect(nested.body).toContain("not something the desk sends");
  expect(nested.body).not.toMatch(/Internal Server Error|\bat \S+\.(js|ts):\d+/);
});

test("a signed-in editor's desk save of a story over the 64 KB limit for requests without a session still works", async ({
  page,
}) => {
  test.setTimeout(180_000);
  useE2eDatabase();
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("long-save");
  await seedStory({
    author: editor,
    slug,
    headline: "Council budget, line by line",
    body: "The council met.",
    publish: false,
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  const longBody = Array.from(
    { length: 850 },
    (_, index) =>
      `Line ${index + 1} of the budget: [${index}] {${index}} in brackets, as the document prints them.`,
  ).join("\n\n");
  expect(longBody.length).toBeGreaterThan(64 * 1024);
  await fillBodyMarkdown(page, longBody);
  await page.getByLabel("Summary").fill("The whole budget");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved as revision 2.")).toBeVisible();
});
