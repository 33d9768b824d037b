import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { readPublicHistory } from "@/lib/public/public-history";

import { diffRevisions } from "./diff-revisions";
import { saveRevision } from "./save-revision";
import { createTestStory } from "./test-stories";

const note = "An earlier version misstated the number of ferries.";

describe("compare shows notes as readers see them", () => {
  let editor: Actor;
  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
  });

  it("a correction's note, still printed after the next update, is not shown as removed (issue 18, defect 6)", async () => {
    await createTestStory({ actor: editor, slug: "ferry-notes", publish: true });
    await saveRevision({
      actor: editor,
      slug: "ferry-notes",
      input: {
        baseRevision: 1,
        kind: "correction",
        summary: "Ferry count",
        note,
        body: "Three ferries.",
        publish: true,
      },
    });
    await saveRevision({
      actor: editor,
      slug: "ferry-notes",
      input: {
        baseRevision: 2,
        summary: "Adds the timetable",
        body: "Three ferries.\n\nThey sail hourly.",
        publish: true,
      },
    });

    const { diff } = await diffRevisions({ actor: editor, slug: "ferry-notes", from: 2, to: 3 });
    expect(diff.notes?.kind).toMatchObject({ changed: true, from: "correction", to: "update" });
    expect(diff.notes?.printedNotes).toMatchObject({
      changed: false,
      from: `Correction: ${note}`,
      to: `Correction: ${note}`,
    });

    const added = await diffRevisions({ actor: editor, slug: "ferry-notes", from: 1, to: 2 });
    expect(added.diff.notes?.printedNotes?.ops).toEqual([{ op: "insert", text: `Correction: ${note}` }]);

    const history = await readPublicHistory({ slug: "ferry-notes", query: { from: "2", to: "3" } });
    expect(history.comparison?.diff.printedNotes?.changed).toBe(false);
    const readersAdded = await readPublicHistory({ slug: "ferry-notes", query: { from: "1", to: "2" } });
    expect(readersAdded.comparison?.diff.printedNotes?.changed).toBe(true);
  });

  it("a draft correction compares with the note it would print once published", async () => {
    await createTestStory({ actor: editor, slug: "draft-notes", publish: true });
    await saveRevision({
      actor: editor,
      slug: "draft-notes",
      input: { baseRevision: 1, kind: "correction", summary: "Name", note, body: "Fixed." },
    });
    const { diff } = await diffRevisions({ actor: editor, slug: "draft-notes", from: 1, to: 2 });
    expect(diff.notes?.printedNotes?.to).toBe(`Correction: ${note}`);
  });
});
