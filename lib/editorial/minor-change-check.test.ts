import { describe, expect, it } from "vitest";

import { substantiveChanges, type MinorCheckContent } from "./minor-change-check";

const base: MinorCheckContent = {
  headline: "Mayor resigns",
  dek: "",
  byline: "By Ana Ruiz",
  body: 'Mayor Jane Smith, 54, resigned on Tuesday. "I am done," she said.\n\nThe council will meet.',
  captions: [],
  creditNames: ["Ana Ruiz"],
};

const changed = (patch: Partial<MinorCheckContent>) =>
  substantiveChanges({ before: base, after: { ...base, ...patch } });

describe("substantiveChanges: what a change marked minor may not touch", () => {
  it("lets typo, punctuation and spacing fixes through", () => {
    expect(
      changed({
        body: base.body
          .replace("The council will meet.", "The council will meet soon .")
          .replace("resigned", "resigned"),
      }),
    ).toEqual([]);
    expect(changed({ body: base.body.replace("council", "counsil") })).toEqual([]);
  });

  it("flags the headline, numbers, quotes and names", () => {
    expect(changed({ headline: "Mayor quits" })).toEqual(["headline"]);
    expect(changed({ body: base.body.replace("54", "45") })).toEqual(["numbers"]);
    expect(changed({ body: base.body.replace("I am done", "I am finished") })).toEqual(["quotes"]);
    expect(changed({ body: base.body.replace("Jane Smith", "Jane Smyth") })).toEqual(["names"]);
    expect(changed({ byline: "By Ben Ito" })).toEqual(["names"]);
    expect(changed({ creditNames: ["Ben Ito"] })).toEqual(["names"]);
  });

  it("does not take a capitalised sentence opener for a name", () => {
    expect(
      changed({ body: base.body.replace("The council will meet.", "The council will meet. Members agree.") }),
    ).toEqual([]);
  });
});
