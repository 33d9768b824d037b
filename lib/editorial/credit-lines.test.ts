import { describe, expect, it } from "vitest";
import { creditLines, type CreditLineInput } from "./credit-lines";

const reporting = (name: string, location: string | null = null): CreditLineInput => ({ name, role: "contributed_reporting", location });

describe("creditLines", () => {
  it("credits one reporter with a place", () => {
    expect(creditLines({ credits: [reporting("Ana Diaz", "Chicago")] })).toEqual(["Ana Diaz contributed reporting from Chicago."]);
  });

  it("joins two without a comma", () => {
    expect(creditLines({ credits: [reporting("Ana Diaz", "Chicago"), reporting("Ben Ode", "Lagos")] })).toEqual([
      "Ana Diaz contributed reporting from Chicago and Ben Ode from Lagos.",
    ]);
  });

  it("joins three or more AP-style, without a serial comma, in credit order", () => {
    expect(
      creditLines({ credits: [reporting("A", "X"), reporting("B", "Y"), reporting("C", "Z"), reporting("D", "Washington, D.C.")] }),
    ).toEqual(["A contributed reporting from X, B from Y, C from Z and D from Washington, D.C."]);
  });

  it("drops 'from …' for a credit without a place", () => {
    expect(creditLines({ credits: [reporting("A"), reporting("B", "Y"), reporting("C", "  ")] })).toEqual([
      "A contributed reporting, B from Y and C.",
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
    expect(lines).toEqual(["A contributed reporting from X.", "Additional reporting by Dan from Kyiv and Fay.", "Editing by Eve and Gus from London."]);
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
