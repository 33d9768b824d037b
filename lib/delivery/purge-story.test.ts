import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestActor } from "@/lib/auth/test-actors";
import { createTestStory } from "@/lib/revisions/test-stories";
import { unpublishStory } from "@/lib/stories/story-status";

import { purgeStory } from "./purge-story";
import { startVarnish, type RunningVarnish } from "./testing/start-varnish";

// An origin that tags its page like Copydesk does and counts how often the cache asks for it.
let origin: http.Server;
let originPort = 0;
let fetches = 0;
let varnish: RunningVarnish;
const noPurgeTargets = { varnishUrls: [], fastly: null, cloudflare: null };

beforeAll(async () => {
  origin = http.createServer((request, response) => {
    if (request.url === "/api/health") return response.end("ok");
    fetches += 1;
    response.writeHead(200, {
      "content-type": "text/html",
      "cache-control": "public, max-age=0, s-maxage=300",
      xkey: "public:story:harbor public:index",
      vary: "Accept-Encoding",
    });
    response.end(`<p>fetch ${fetches}</p>`);
  });
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
  originPort = (origin.address() as AddressInfo).port;
  varnish = await startVarnish({
    port: Number(process.env.VARNISH_TEST_PORT ?? 6211),
    backends: [{ host: "127.0.0.1", port: originPort }],
  });
});

afterAll(async () => {
  await varnish?.stop();
  origin?.close();
});

describe("purging a changed story from the shared caches", () => {
  it("drops the story's pages from Varnish by xkey, and from nothing else", async () => {
    const get = async (url: string) => {
      const response = await fetch(`${varnish.url}${url}`);
      return {
        cache: response.headers.get("x-cache"),
        body: await response.text(),
        xkey: response.headers.get("xkey"),
      };
    };
    const first = await get("/stories/harbor");
    expect(first.cache).toBe("MISS");
    expect((await get("/stories/harbor")).cache).toBe("HIT");
    expect((await get("/stories/harbor")).xkey).toBeNull();
    await get("/stories/other");

    await purgeStory({
      payload: { slug: "harbor" },
      settings: { ...noPurgeTargets, varnishUrls: [varnish.url] },
    });
    const after = await get("/stories/harbor");
    expect(after.cache).toBe("MISS");
    expect(after.body).not.toBe(first.body);
  });

  it("refuses a purge that names no tag (the VCL never drops the whole cache by accident)", async () => {
    const response = await fetch(varnish.url, { method: "PURGE" });
    expect(response.status).toBe(400);
  });

  it("asks Fastly and Cloudflare for the story's tags, and fails (for the queue to retry) when any target fails", async () => {
    const seen: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
    let status = 200;
    const api = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        seen.push({ url: request.url ?? "", headers: request.headers, body });
        response.writeHead(status, { "content-type": "application/json" });
        response.end("{}");
      });
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const settings = {
      varnishUrls: [],
      fastly: { serviceId: "svc1", apiToken: "fastly-token" },
      cloudflare: { zoneId: "zone1", apiToken: "cf-token" },
    };
    const endpoints = { fastlyApi: `${base}/fastly`, cloudflareApi: `${base}/cloudflare` };
    try {
      await purgeStory({ payload: { slug: "harbor" }, settings, endpoints });
      const fastly = seen.find((request) => request.url.startsWith("/fastly"))!;
      expect(fastly.url).toBe("/fastly/service/svc1/purge");
      expect(fastly.headers["surrogate-key"]).toBe("public:story:harbor public:index");
      expect(fastly.headers["fastly-key"]).toBe("fastly-token");
      const cloudflare = seen.find((request) => request.url.startsWith("/cloudflare"))!;
      expect(cloudflare.url).toBe("/cloudflare/zones/zone1/purge_cache");
      expect(cloudflare.headers.authorization).toBe("Bearer cf-token");
      expect(JSON.parse(cloudflare.body)).toEqual({ tags: ["public:story:harbor", "public:index"] });
      status = 503;
      await expect(purgeStory({ payload: { slug: "harbor" }, settings, endpoints })).rejects.toThrow(
        /fastly, cloudflare/,
      );
      await expect(
        purgeStory({
          payload: { slug: "harbor" },
          settings: { ...noPurgeTargets, varnishUrls: ["http://127.0.0.1:1"] },
        }),
      ).rejects.toThrow(/varnish/);
    } finally {
      api.close();
    }
  });

  it("is enqueued by the change's own transaction (now and after the staleness bound), and an editor's change never waits for it", async () => {
    const editor = await createTestActor({ role: "editor" });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const queued = async (slug: string) =>
        (
          await client.query<{ count: string; delayed: string }>(
            `SELECT count(*)::text AS count, count(*) FILTER (WHERE j.run_at > now() + interval '1 second')::text AS delayed
             FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
            WHERE t.identifier = 'delivery.purge' AND j.payload->>'slug' = $1`,
            [slug],
          )
        ).rows[0]!;
      // A draft is invisible: nothing to purge.
      await createTestStory({ actor: editor, slug: "queued-purge-draft" });
      expect(await queued("queued-purge-draft")).toEqual({ count: "0", delayed: "0" });
      // No job runner and no cache here: the publish and the unpublish still complete at once.
      await createTestStory({ actor: editor, slug: "queued-purge", publish: true });
      await unpublishStory({ actor: editor, slug: "queued-purge", reason: "Legal asked" });
      expect(await queued("queued-purge")).toEqual({ count: "4", delayed: "2" });
    } finally {
      await client.end();
    }
  });
});
