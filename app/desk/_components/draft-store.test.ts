import { describe, expect, it } from "vitest";

import { createDraftStore, settlePause } from "./draft-store";
import { emptyChange, emptyContent, type EditorDraft } from "./editor-draft";

const start: EditorDraft = {
  slug: "storm",
  content: { ...emptyContent, body: "First." },
  change: emptyChange,
};
const typed = (draft: EditorDraft, body: string): EditorDraft => ({
  ...draft,
  content: { ...draft.content, body },
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the edit screen's draft store", () => {
  // Guards the save-key race: a save pressed straight after a keystroke must send that keystroke.
  it("gives a save the keystroke typed just before it, while the preview waits for a pause", () => {
    const store = createDraftStore(start);
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.current().content.body));
    store.update((draft) => typed(draft, "First. A"));
    expect(store.current().content.body).toBe("First. A");
    expect(seen).toEqual(["First. A"]);
    expect(store.settled().content.body).toBe("First.");
  });

  it("brings the preview's draft up to date after a pause in typing, once for a run of keystrokes", async () => {
    const store = createDraftStore(start);
    let settledTimes = 0;
    store.subscribeSettled(() => (settledTimes += 1));
    for (const body of ["First. A", "First. Ab", "First. Abc"]) store.update((draft) => typed(draft, body));
    await pause(settlePause + 100);
    expect(store.settled().content.body).toBe("First. Abc");
    expect(settledTimes).toBe(1);
  });

  it("settles at once when asked (the publish confirmation shows what goes out)", () => {
    const store = createDraftStore(start);
    store.update((draft) => typed(draft, "First. Last word"));
    store.settleNow();
    expect(store.settled()).toBe(store.current());
  });

  it("tells nobody about a change that changes nothing", () => {
    const store = createDraftStore(start);
    let told = 0;
    store.subscribe(() => (told += 1));
    store.update((draft) => draft);
    expect(told).toBe(0);
  });
});
