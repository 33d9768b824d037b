import { describe, expect, it } from "vitest";

import { creditLines, type CreditLineInput } from "./credit-lines";

const reporting = (name: string, location: string | null = null): CreditLineInput => ({
  name,
  role: "contributed_reporting",
  location,
});

describe("creditLines", () => {
  it("credits one reporter with a place", () => {
    expect(creditLines({ credits: [reporting("Ana Diaz", "Chicago")] })).toEqual([
      "Ana Diaz contributed reporting from Chicago.",
    ]);
  });

  it("joins two without a comma", () => {
    expect(
      creditLines({ credits: [reporting("Ana Diaz", "Chicago"), reporting("Ben Ode", "Lagos")] }),
    ).toEqual(["Ana Diaz contributed reporting from Chicago and Ben Ode from Lagos."]);
  });

  it("joins three or more AP-style, without a serial comma, in credit order", () => {
    expect(
      creditLines({
        credits: [
          reporting("A", "X"),
          reporting("B", "Y"),
          reporting("C", "Z"),
          reporting("D", "Washington, D.C."),
        ],
      }),
    ).toEqual(["A contributed reporting from X, B from Y, C from Z and D from Washington, D.C."]);
  });

  it("keeps the seed form when every reporter has a place", () => {
    expect(
      creditLines({
        credits: [
          reporting("Danielle Kurtzleben", "Washington, D.C."),
          reporting("Teri Schultz", "Brussels"),
          reporting("Rob Schmitz", "Berlin"),
          reporting("Willem Marx", "London"),
        ],
      }),
    ).toEqual([
      "Danielle Kurtzleben contributed reporting from Washington, D.C., Teri Schultz from Brussels, Rob Schmitz from Berlin and Willem Marx from London.",
    ]);
  });

  // Regression: two names without a place printed "A contributed reporting and B.", three "A contributed
  // reporting, B from Y and C."
  it("signs reporters without places with the verb after the names", () => {
    expect(creditLines({ credits: [reporting("A"), reporting("B")] })).toEqual([
      "A and B contributed reporting.",
    ]);
    expect(creditLines({ credits: [reporting("A"), reporting("B", "Y"), reporting("C", "  ")] })).toEqual([
      "A and C contributed reporting, as did B from Y.",
    ]);
  });

  it("gives additional reporting and editing lines of the same shape, after contributed reporting", () => {
    const lines = creditLines({
      credits: [
        { name: "Eve", role: "editing", location: null },
        { name: "Dan", role: "additional_reporting", location: "Kyiv" },
        reporting("A", "X"),
        { name: "Fay", role: "additional_reporting", location: null },
        { name: "Gus", role: "editing", location: "London" },
        { name: "Byline Person", role: "byline", location: null },
        { name: "Photographer", role: "photo", location: null },
      ],
    });
    expect(lines).toEqual([
      "A contributed reporting from X.",
      "Additional reporting by Dan from Kyiv, and by Fay.",
      "Editing by Eve, and by Gus from London.",
    ]);
  });

  it("returns no lines when nobody is credited for reporting or editing", () => {
    expect(creditLines({ credits: [{ name: "Byline Person", role: "byline", location: null }] })).toEqual([]);
  });

  it("keeps names and places as they are: text, never markup (escaping is the renderer's job)", () => {
    expect(creditLines({ credits: [reporting("<b>Ana</b>", "<script>x</script>")] })).toEqual([
      "<b>Ana</b> contributed reporting from <script>x</script>.",
    ]);
  });
});

const roles = ["contributed_reporting", "additional_reporting", "editing"] as const;
const names = ["Ana Diaz", "Ben Ode", "Cy Park"];
const places = ["Chicago", "Washington, D.C.", "Lagos"];

/**
 * Every way up to three credits of one role can have or lack a place, spelled out as a copy editor signs
 * them.
 */
const signed: Record<(typeof roles)[number], Record<string, string>> = {
  contributed_reporting: {
    P: "Ana Diaz contributed reporting from Chicago.",
    "-": "Ana Diaz contributed reporting.",
    PP: "Ana Diaz contributed reporting from Chicago and Ben Ode from Washington, D.C.",
    "P-": "Ana Diaz contributed reporting from Chicago. Ben Ode also contributed reporting.",
    "-P": "Ana Diaz contributed reporting, as did Ben Ode from Washington, D.C.",
    "--": "Ana Diaz and Ben Ode contributed reporting.",
    PPP: "Ana Diaz contributed reporting from Chicago, Ben Ode from Washington, D.C., and Cy Park from Lagos.",
    "PP-":
      "Ana Diaz contributed reporting from Chicago and Ben Ode from Washington, D.C. Cy Park also contributed reporting.",
    "P-P":
      "Ana Diaz contributed reporting from Chicago and Cy Park from Lagos. Ben Ode also contributed reporting.",
    "P--": "Ana Diaz contributed reporting from Chicago. Ben Ode and Cy Park also contributed reporting.",
    "-PP": "Ana Diaz contributed reporting, as did Ben Ode from Washington, D.C., and Cy Park from Lagos.",
    "-P-": "Ana Diaz and Cy Park contributed reporting, as did Ben Ode from Washington, D.C.",
    "--P": "Ana Diaz and Ben Ode contributed reporting, as did Cy Park from Lagos.",
    "---": "Ana Diaz, Ben Ode and Cy Park contributed reporting.",
  },
  additional_reporting: {
    P: "Additional reporting by Ana Diaz from Chicago.",
    "-": "Additional reporting by Ana Diaz.",
    PP: "Additional reporting by Ana Diaz from Chicago and Ben Ode from Washington, D.C.",
    "P-": "Additional reporting by Ana Diaz from Chicago, and by Ben Ode.",
    "-P": "Additional reporting by Ana Diaz, and by Ben Ode from Washington, D.C.",
    "--": "Additional reporting by Ana Diaz and Ben Ode.",
    PPP: "Additional reporting by Ana Diaz from Chicago, Ben Ode from Washington, D.C., and Cy Park from Lagos.",
    "PP-": "Additional reporting by Ana Diaz from Chicago and Ben Ode from Washington, D.C., and by Cy Park.",
    "P-P": "Additional reporting by Ana Diaz from Chicago and Cy Park from Lagos, and by Ben Ode.",
    "P--": "Additional reporting by Ana Diaz from Chicago, and by Ben Ode and Cy Park.",
    "-PP": "Additional reporting by Ana Diaz, and by Ben Ode from Washington, D.C., and Cy Park from Lagos.",
    "-P-": "Additional reporting by Ana Diaz and Cy Park, and by Ben Ode from Washington, D.C.",
    "--P": "Additional reporting by Ana Diaz and Ben Ode, and by Cy Park from Lagos.",
    "---": "Additional reporting by Ana Diaz, Ben Ode and Cy Park.",
  },
  editing: {},
};

function credit(role: (typeof roles)[number], pattern: string, index: number): CreditLineInput {
  return {
    name: names[index] ?? "",
    role,
    location: pattern[index] === "P" ? (places[index] ?? null) : null,
  };
}

describe("creditLines over every mix of names with and without places", () => {
  for (const role of ["contributed_reporting", "additional_reporting"] as const) {
    for (const [pattern, expected] of Object.entries(signed[role])) {
      it(`${role} ${pattern}`, () => {
        const credits = [...pattern].map((_, index) => credit(role, pattern, index));
        expect(creditLines({ credits })).toEqual([expected]);
      });
    }
  }

  it("signs editing like additional reporting", () => {
    for (const [pattern, expected] of Object.entries(signed.additional_reporting)) {
      const credits = [...pattern].map((_, index) => credit("editing", pattern, index));
      expect(creditLines({ credits })).toEqual([expected.replace("Additional reporting by", "Editing by")]);
    }
  });

  // Up to six credits, all 126 place patterns per role: properties a copy editor checks on every line.
  it("names everyone once, keeps each place with its own name and never lets a place run into a name", () => {
    const many = ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay"];
    for (const role of roles) {
      for (let count = 1; count <= many.length; count += 1) {
        for (let mask = 0; mask < 2 ** count; mask += 1) {
          const credits = many
            .slice(0, count)
            .map((name, index) => ({ name, role, location: mask & (1 << index) ? `${name}ville` : null }));
          const [text = ""] = creditLines({ credits });
          const context = `${role} ${mask.toString(2)}: ${text}`;
          expect(text, context).toMatch(/^[A-Z][^]*[a-z]\.$/);
          expect(text, context).not.toMatch(/\.\.|,,| ,|  /);
          for (const { name, location } of credits) {
            expect(text.match(new RegExp(`\\b${name}\\b(?!ville)`, "g"))?.length, context).toBe(1);
            if (location) {
              expect(text, context).toMatch(
                new RegExp(`\\b${name} (contributed reporting )?from ${location}\\b`),
              );
            } else {
              expect(text, context).not.toMatch(new RegExp(`\\b${name} (contributed reporting )?from `));
              // "from Anaville and Ben" would make Ben read as a second place.
              expect(text, context).not.toMatch(new RegExp(`ville(,| and) ${name}\\b`));
            }
          }
          const placedCount = credits.filter((entry) => entry.location).length;
          if (placedCount > 0 && placedCount < count) {
            // Unplaced names never share a list with "from …" ones: no "Ana and Ben from Benville".
            for (const { name, location } of credits) {
              if (!location)
                expect(text, context).not.toMatch(new RegExp(`\\b${name}(,| and) [A-Z][a-z]+ from `));
            }
          }
          if (role === "contributed_reporting")
            expect(text.match(/contributed reporting/g)?.length, context).toBe(
              placedCount > 0 && placedCount < count && credits[0]?.location ? 2 : 1,
            );
        }
      }
    }
  });
});
