import { describe, expect, it } from "vitest";

import type { RevisionContent } from "@/lib/revisions/revision-content";

import { changeAuthors } from "./change-authors";

const content = (body: string, headline = "Storm hits the coast"): RevisionContent => ({
  headline,
  dek: "",
  byline: "",
  body,
  images: [],
  credits: [],
  developing: false,
});
const live = content("Storm reached the coast.\n\nPower is out.\n\nShelters are open.");

describe("who wrote each change that goes out", () => {
  it("credits a colleague's merged-in draft paragraph to them and the form's own edit to 'you'", () => {
    const ana = content("Storm reached the coast.\n\nPower is out for 40,000 homes.\n\nShelters are open.");
    const merged = content(
      "Storm reached the coast.\n\nPower is out for 40,000 homes.\n\nShelters are open at two schools.",
    );
    const changes = changeAuthors({
      live,
      versions: [
        { author: "Ana", revision: 2, content: ana },
        { author: "You", revision: null, content: merged },
      ],
    });
    expect(
      changes.filter((change) => change.change === "added").map((change) => [change.author, change.text]),
    ).toEqual([
      ["Ana", "Power is out for 40,000 homes."],
      ["You", "Shelters are open at two schools."],
    ]);
    expect(
      changes.filter((change) => change.change === "removed").map((change) => [change.author, change.text]),
    ).toEqual([
      ["Ana", "Power is out."],
      ["You", "Shelters are open."],
    ]);
  });

  it("credits a headline to the last version that changed it, and finds nothing when what goes out is what readers have", () => {
    const first = content(live.body, "Storm batters the coast");
    const second = content(live.body, "Storm batters the coast");
    expect(
      changeAuthors({
        live,
        versions: [
          { author: "Ana", revision: 2, content: first },
          { author: "Ben", revision: 3, content: second },
        ],
      }),
    ).toEqual([
      { author: "Ana", revision: 2, where: "headline", change: "changed", text: "Storm batters the coast" },
    ]);
    expect(changeAuthors({ live, versions: [{ author: "Ben", revision: 3, content: live }] })).toEqual([]);
  });
});
