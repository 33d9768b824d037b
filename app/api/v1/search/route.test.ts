import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { createTestStory } from "@/lib/revisions/test-stories";
import type { SearchPage } from "@/lib/search/search-results";

import { POST, GET as search } from "./route";

const noParams = { params: Promise.resolve({}) };
const word = `apiq${Math.random().toString(36).slice(2, 7)}`;

function get(query: string, token: string): Promise<Response> {
  return search(
    new Request(`http://localhost/api/v1/search?${query}`, { headers: { authorization: `Bearer ${token}` } }),
    noParams,
  );
}

type ErrorBody = {
  error: { code: string; message: string; details: { fields?: { path: string }[] } | null };
};

describe("GET /api/v1/search", () => {
  let contributor: Actor;
  let token: string;

  beforeAll(async () => {
    contributor = await createTestActor({ role: "contributor" });
    token = (await createApiToken({ userId: contributor.userId, name: "Search client", actor: "system" }))
      .token;
    await createTestStory({ actor: contributor, slug: `${word}-story`, body: `The ${word} flooded.` });
  });

  it("answers any desk role with the page of hits, and takes the filters from the query string", async () => {
    const response = await get(`q=${word}&scope=all&status=&limit=5`, token);
    expect(response.status).toBe(200);
    const page = (await response.json()) as SearchPage;
    expect(page.scope).toBe("all");
    expect(page.hits.map((hit) => [hit.story.slug, hit.links.revision])).toEqual([
      [`${word}-story`, `/desk/stories/${word}-story/revisions/1`],
    ]);
    expect(page.hits[0]!.snippets.some((snippet) => snippet.parts.some((part) => part.hit))).toBe(true);
  });

  it("refuses bad input with 400 naming the field, and other methods with 405", async () => {
    for (const [query, field] of [
      ["q=", "q"],
      [`q=${encodeURIComponent('"open')}`, "q"],
      [`q=${word}&from=2026-13-01`, "from"],
      [`q=${word}&sort=newest`, "sort"],
    ] as const) {
      const response = await get(query, token);
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details?.fields?.[0]?.path).toBe(field);
    }
    const post = await POST(new Request("http://localhost/api/v1/search", { method: "POST" }));
    expect(post.status).toBe(405);
  });

  it("refuses a revoked token and an unknown one with 401", async () => {
    const revoked = await createApiToken({ userId: contributor.userId, name: "Old laptop", actor: "system" });
    await revokeApiToken({ id: revoked.id, actor: "system" });
    for (const bad of [revoked.token, "cd_not_a_real_token"]) {
      const response = await get(`q=${word}`, bad);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(((await response.json()) as ErrorBody).error.code).toBe("unauthenticated");
    }
  });
});
