import "server-only";

import { z } from "zod";

import { logger } from "@/lib/log/logger";

import { deliverySettings, type DeliverySettings } from "./delivery-settings";
import { tagsOfChangedStory } from "./invalidation-listener";

/**
 * Drops a changed story's pages (and the index pages) from every configured shared cache: each Varnish server
 * by xkey, Fastly by surrogate key, Cloudflare by cache tag. Run by the job queue (task "delivery.purge"),
 * which the change's own transaction enqueued (the trigger in migration 20261202003000), twice: at once, and
 * again after the instances' staleness bound, in case a cache refetched from an instance not yet told. Any
 * failure throws, so the queue retries it with backoff; the editor's publish never waits for it.
 */
export const PurgeStoryInput = z.object({ slug: z.string().min(1).max(2000) });

export type PurgeEndpoints = { fastlyApi: string; cloudflareApi: string };
const defaultEndpoints: PurgeEndpoints = {
  fastlyApi: "https://api.fastly.com",
  cloudflareApi: "https://api.cloudflare.com/client/v4",
};
const timeoutMs = 10_000;

async function send(target: string, url: string, init: RequestInit): Promise<void> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`${target} answered ${response.status}`);
}

export async function purgeStory(options: {
  payload: unknown;
  settings?: DeliverySettings["purge"];
  endpoints?: PurgeEndpoints;
}): Promise<{ purged: string[] }> {
  const { slug } = PurgeStoryInput.parse(options.payload);
  return purgeTags({
    tags: tagsOfChangedStory({ slug }),
    what: slug,
    settings: options.settings,
    endpoints: options.endpoints,
  });
}

/**
 * Drops everything tagged with any of `tags` from every configured shared cache (also used for the /media/
 * files of photos a legal removal took out). Throws when any cache failed, for the job queue to retry.
 */
export async function purgeTags(options: {
  tags: readonly string[];
  /** What the tags stand for, in the log. */
  what: string;
  settings?: DeliverySettings["purge"];
  endpoints?: PurgeEndpoints;
}): Promise<{ purged: string[] }> {
  const { tags, what } = options;
  const settings = options.settings ?? deliverySettings().purge;
  const endpoints = options.endpoints ?? defaultEndpoints;
  const work: { target: string; run: () => Promise<void> }[] = [];
  for (const server of settings.varnishUrls) {
    work.push({
      target: `varnish ${server}`,
      run: () =>
        send(`varnish ${server}`, server, { method: "PURGE", headers: { "xkey-purge": tags.join(" ") } }),
    });
  }
  if (settings.fastly) {
    const { serviceId, apiToken } = settings.fastly;
    work.push({
      target: "fastly",
      run: () =>
        send("fastly", `${endpoints.fastlyApi}/service/${encodeURIComponent(serviceId)}/purge`, {
          method: "POST",
          headers: { "fastly-key": apiToken, "surrogate-key": tags.join(" "), accept: "application/json" },
        }),
    });
  }
  if (settings.cloudflare) {
    const { zoneId, apiToken } = settings.cloudflare;
    work.push({
      target: "cloudflare",
      run: () =>
        send("cloudflare", `${endpoints.cloudflareApi}/zones/${encodeURIComponent(zoneId)}/purge_cache`, {
          method: "POST",
          headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
          body: JSON.stringify({ tags }),
        }),
    });
  }
  const results = await Promise.allSettled(work.map((item) => item.run()));
  const failed = results.flatMap((result, index) =>
    result.status === "rejected" ? [{ target: work[index]!.target, reason: String(result.reason) }] : [],
  );
  if (failed.length > 0) {
    logger.warn("cache purge failed; the job queue retries it", { what, failed });
    throw new Error(`purge of ${what} failed at ${failed.map((failure) => failure.target).join(", ")}`);
  }
  return { purged: work.map((item) => item.target) };
}
