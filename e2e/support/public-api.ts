import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";

/**
 * Publishing for the public-page specs goes through the HTTP API, so the server process that serves the
 * pages also runs the cache invalidation (as an editor's publish would). Call useE2eDatabase() first.
 */
export type Publisher = { token: string; name: string };

export async function seedPublisher(): Promise<Publisher> {
  const suffix = randomBytes(4).toString("hex");
  const user = await createUser({
    email: `public-editor-${suffix}@e2e.test`,
    name: `Public Editor ${suffix}`,
    role: "editor",
    password: `e2e password ${suffix}`,
    actor: "system",
  });
  const { token } = await createApiToken({ userId: user.id, name: "public e2e", actor: "system" });
  return { token, name: user.name };
}

type ApiStory = {
  slug: string;
  lastMaterialUpdateAt: string | null;
  firstPublishedAt: string | null;
  latestRevisionNumber: number;
  liveRevisionNumber: number | null;
};

/** One API request as the publisher, answered as its status and JSON body, whatever the status. */
export async function publisherFetch(options: {
  request: APIRequestContext;
  publisher: Publisher;
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}) {
  const response = await options.request.fetch(options.path, {
    method: options.method,
    headers: { authorization: `Bearer ${options.publisher.token}` },
    ...(options.body === undefined ? {} : { data: options.body }),
  });
  return { status: response.status(), json: (await response.json()) as Record<string, unknown> };
}

async function call(options: {
  request: APIRequestContext;
  publisher: Publisher;
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  expectStatus?: number;
}) {
  const { status, json } = await publisherFetch(options);
  expect(status, JSON.stringify(json)).toBe(options.expectStatus ?? (options.method === "POST" ? 201 : 200));
  return json as { story: ApiStory; revision?: { number: number; publishedAt: string | null } };
}

export async function createPublishedStory(options: {
  request: APIRequestContext;
  publisher: Publisher;
  story: Record<string, unknown>;
}) {
  return call({
    ...options,
    method: "POST",
    path: "/api/v1/stories",
    body: { publish: true, ...options.story },
  });
}

/** Saves a revision on top of the newest one and publishes it (unless `publish: false` is given). */
export async function publishRevision(options: {
  request: APIRequestContext;
  publisher: Publisher;
  slug: string;
  revision: Record<string, unknown>;
}) {
  const current = await call({ ...options, method: "GET", path: `/api/v1/stories/${options.slug}` });
  return call({
    ...options,
    method: "POST",
    path: `/api/v1/stories/${options.slug}/revisions`,
    body: { baseRevision: current.story.latestRevisionNumber, publish: true, ...options.revision },
  });
}

export async function unpublish(options: { request: APIRequestContext; publisher: Publisher; slug: string }) {
  return call({
    ...options,
    method: "POST",
    path: `/api/v1/stories/${options.slug}/unpublish`,
    body: { reason: "Taken down in a test" },
    expectStatus: 200,
  });
}
