import { describe, expect, it } from "vitest";

import { createTestActor } from "@/lib/auth/test-actors";
import { listRevisions } from "@/lib/revisions/list-revisions";

import { createDemoStory, demoStorySlug } from "./demo-story";

describe("createDemoStory", () => {
  it("builds a five-revision developing story through the services, ending in a published minor fix", async () => {
    const editor = await createTestActor({ role: "editor" });
    const result = await createDemoStory({ author: editor });
    expect(result.story).toMatchObject({
      slug: demoStorySlug,
      status: "published",
      developing: true,
      latestRevisionNumber: 5,
      liveRevisionNumber: 5,
    });
    const { revisions } = await listRevisions({ actor: editor, slug: demoStorySlug });
    expect(revisions.map((revision) => revision.kind)).toEqual([
      "minor",
      "correction",
      "update",
      "update",
      "initial",
    ]);
    expect(revisions.every((revision) => revision.published)).toBe(true);
    expect(revisions[1]?.publicNote).toMatch(/misstated the council vote/);
    expect(
      revisions[0]?.credits.map((credit) => `${credit.role}:${credit.name}:${credit.location ?? ""}`),
    ).toEqual([
      "byline:Dana Whitfield:",
      "contributed_reporting:Marcus Oyelaran:Millbrook",
      "contributed_reporting:Priya Castellanos:Riverside County",
      "photo:Lena Hart:",
    ]);
    // The minor fix moves nothing public: "Updated" stays at the correction.
    expect(result.story.lastMaterialUpdateAt).toBe(revisions[1]?.publishedAt);
  });
});
