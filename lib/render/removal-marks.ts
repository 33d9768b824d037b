import type { Element, ElementContent, Properties, Root, RootContent } from "hast";

import { plainRemovalMarkers, splitRemovalMarkers } from "@/lib/legal-removals/removal-marker";

/*
 * How a removal marker (⟦removed 12⟧, lib/legal-removals/removal-marker.ts) reaches a reader: in running text a
 * small element of its own, "[removed]", so the sentence still reads and nobody takes the marker's brackets
 * for the story's words; in plain-text places (the page title, meta tags, JSON-LD, attribute values) the words
 * "[removed]". Applied to finished trees in trusted code, after the body's sanitizer, the way photo
 * placeholders are: an author's text can never make the element, only a marker can, and only the database
 * writes markers.
 */

export const removalMarkClass = "removal-mark";
export const removalMarkText = "[removed]";

const markerStart = "⟦";

/** The element that stands for removal `number` in running text. */
export function removalMarkElement(number: number): Element {
  return {
    type: "element",
    tagName: "span",
    properties: {
      className: [removalMarkClass],
      dataRemoval: String(number),
      title: "Removed on legal advice",
    },
    children: [{ type: "text", value: removalMarkText }],
  };
}

/** A text as nodes: its plain pieces as text, each marker as its element. */
export function markedText(text: string): ElementContent[] {
  if (!text.includes(markerStart)) return [{ type: "text", value: text }];
  return splitRemovalMarkers(text).map((piece) =>
    "removal" in piece ? removalMarkElement(piece.removal) : { type: "text", value: piece.text },
  );
}

// Elements whose text is shown as it is (never holding elements): markers in them become the plain words.
const plainTextElements = new Set(["title", "script", "style", "option", "textarea"]);

function plainProperties(properties: Properties): Properties {
  let changed: Properties | null = null;
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value === "string" && value.includes(markerStart)) {
      changed ??= { ...properties };
      changed[name] = plainRemovalMarkers(value);
    }
  }
  return changed ?? properties;
}

/**
 * A copy of the nodes with every marker drawn: elements in text, plain words in attributes and plain-text
 * elements. Nodes without a marker are returned as they are (the body's blocks are shared with its memo and
 * must never be changed), so a story with no removal costs one scan of its text.
 */
export function markRemovals<T extends RootContent | ElementContent>(
  nodes: readonly T[],
  plain = false,
): T[] {
  let changed = false;
  const result = nodes.flatMap((node): T[] => {
    if (node.type === "text") {
      if (!node.value.includes(markerStart)) return [node];
      changed = true;
      // The split pieces are valid wherever text is (inline content).
      if (plain) return [{ ...node, value: plainRemovalMarkers(node.value) } as T];
      return markedText(node.value) as T[];
    }
    if (node.type !== "element") return [node];
    const properties = plainProperties(node.properties);
    const children = markRemovals(node.children, plain || plainTextElements.has(node.tagName));
    if (properties === node.properties && children === node.children) return [node];
    changed = true;
    return [{ ...node, properties, children } as T];
  });
  return changed ? result : (nodes as T[]);
}

/** The same for a whole tree. */
export function markRemovalsInTree(tree: Root): Root {
  const children = markRemovals(tree.children);
  return children === tree.children ? tree : { ...tree, children };
}

/** The removal numbers whose markers a node holds, in its text or its attributes. */
export function removalNumbersInNode(node: RootContent | ElementContent): number[] {
  const found = new Set<number>();
  const visit = (current: RootContent | ElementContent) => {
    if (current.type === "text") {
      if (current.value.includes(markerStart))
        for (const piece of splitRemovalMarkers(current.value))
          if ("removal" in piece) found.add(piece.removal);
      return;
    }
    if (current.type !== "element") return;
    for (const value of Object.values(current.properties))
      if (typeof value === "string" && value.includes(markerStart))
        for (const piece of splitRemovalMarkers(value)) if ("removal" in piece) found.add(piece.removal);
    current.children.forEach(visit);
  };
  visit(node);
  return [...found];
}
