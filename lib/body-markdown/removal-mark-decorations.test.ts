import { getSchema } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";

import { bodyExtensions } from "./body-extensions";
import { parseBody } from "./parse-body";
import { removalMarkPlugin } from "./removal-mark-decorations";
import { serializeBody } from "./serialize-body";

const schema = getSchema(bodyExtensions());
const body = "A source, ⟦removed 12⟧, said so.\n\n⟦removed 12⟧\n\n> Quoted ⟦removed 3⟧ here.";

describe("removal markers in the formatted body editor", () => {
  // Regression guard: a marker written back differently would be a change nobody made, in every diff.
  it("are written back exactly as stored", () => {
    const { doc, source } = parseBody(body, schema);
    expect(serializeBody(doc, source)).toBe(body);
  });

  it("are each drawn over their own text, and nothing else is", () => {
    const plugin = removalMarkPlugin();
    const state = EditorState.create({ schema, doc: parseBody(body, schema).doc, plugins: [plugin] });
    const found = plugin.getState(state)?.find() ?? [];
    expect(found.map((decoration) => state.doc.textBetween(decoration.from, decoration.to))).toEqual([
      "⟦removed 12⟧",
      "⟦removed 12⟧",
      "⟦removed 3⟧",
    ]);
  });
});
