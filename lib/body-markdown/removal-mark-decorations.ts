import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

import { removalMarkerPattern } from "@/lib/legal-removals/removal-marker";
import { removalMarkClass } from "@/lib/render/removal-marks";

/*
 * Removal markers (⟦removed 12⟧) in the formatted body editor: drawn as the calm element readers see, over the
 * marker's own text. A decoration only: the document, and so the Markdown saved, is exactly the stored text.
 */

const key = new PluginKey<DecorationSet>("removalMarks");

function decorate(doc: Parameters<typeof DecorationSet.create>[0]): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, position) => {
    if (!node.isText || !node.text?.includes("⟦")) return;
    for (const match of node.text.matchAll(removalMarkerPattern)) {
      const from = position + match.index;
      decorations.push(
        Decoration.inline(from, from + match[0].length, {
          class: removalMarkClass,
          title: `Removed on legal advice (removal ${match[1]}); this text is gone from every revision`,
        }),
      );
    }
  });
  return DecorationSet.create(doc, decorations);
}

/** The plugin that draws the markers (the extension below adds it to the editor). */
export function removalMarkPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_, state) => decorate(state.doc),
      apply: (transaction, previous) =>
        transaction.docChanged
          ? decorate(transaction.doc)
          : previous.map(transaction.mapping, transaction.doc),
    },
    props: { decorations: (state) => key.getState(state) },
  });
}

export const RemovalMarkDecorations = Extension.create({
  name: "removalMarkDecorations",
  addProseMirrorPlugins: () => [removalMarkPlugin()],
});
