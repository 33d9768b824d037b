import { describe, expect, it } from "vitest";

import { createTestActor } from "@/lib/auth/test-actors";
import { isAppError } from "@/lib/errors/app-error";

import { countSearchFilters, deskSearchHref, readDeskSearchParams } from "./desk-search-params";
import { readSearchChoices } from "./search-choices";

describe("the desk search page's address", () => {
  it("keeps the search fields as typed, drops blank choices and anything else, and knows a first visit", () => {
    expect(readDeskSearchParams({})).toEqual({ searched: false, input: {} });
    expect(
      readDeskSearchParams({
        q: '"harbour pilots" -strike',
        scope: "all",
        status: "",
        author: "",
        from: "2026-12-01",
        developing: "yes",
        utm_source: "mail",
      }),
    ).toEqual({
      searched: true,
      input: { q: '"harbour pilots" -strike', scope: "all", from: "2026-12-01", developing: "yes" },
    });
    // An empty query is still a search, which search refuses with its message.
    expect(readDeskSearchParams({ q: "", status: "" })).toEqual({ searched: true, input: { q: "" } });
  });

  it("builds the address of the next page and counts the filters", () => {
    const input = { q: "pilots & co", scope: "all", kind: "correction", cursor: "abc" } as const;
    expect(deskSearchHref(input)).toBe("/desk/search?q=pilots+%26+co&scope=all&kind=correction&cursor=abc");
    expect(countSearchFilters(input)).toBe(1);
    expect(countSearchFilters({ q: "x", status: "draft", from: "2026-12-01", live: "no" })).toBe(3);
  });
});

describe("the search form's choices", { timeout: 60_000 }, () => {
  it("lists people and contributors by name for any desk role", async () => {
    const contributor = await createTestActor({ role: "contributor", name: "Search Choices Person" });
    const choices = await readSearchChoices({ actor: contributor });
    expect(choices.people).toContainEqual({ id: contributor.userId, name: "Search Choices Person" });
    expect(Array.isArray(choices.contributors)).toBe(true);
  });

  it("is refused to a session that must still set up a second factor", async () => {
    const editor = await createTestActor({ role: "editor" });
    const refused = await readSearchChoices({ actor: { ...editor, secondFactorSetupRequired: true } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isAppError(refused) && refused.code).toBe("forbidden");
  });
});
