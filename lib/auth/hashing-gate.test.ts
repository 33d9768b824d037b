import { describe, expect, it } from "vitest";

import { createHashingGate, isHashingBusy } from "./hashing-gate";

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe("hashing gate", () => {
  it("runs at most `concurrent` tasks at once, queues `queued` more, and refuses the rest at once", async () => {
    const gate = createHashingGate({ concurrent: 2, queued: 1 });
    const blockers = [deferred(), deferred(), deferred()];
    let running = 0;
    let most = 0;
    const task = (blocker: ReturnType<typeof deferred>) => async () => {
      running += 1;
      most = Math.max(most, running);
      await blocker.promise;
      running -= 1;
      return "done";
    };
    const accepted = blockers.map((blocker) => gate.run(task(blocker)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(gate.active()).toBe(2);
    expect(gate.waiting()).toBe(1);
    const refused = await gate.run(async () => "never").catch((error: unknown) => error);
    expect(isHashingBusy(refused)).toBe(true);
    for (const blocker of blockers) blocker.release();
    expect(await Promise.all(accepted)).toEqual(["done", "done", "done"]);
    expect(most).toBe(2);
    expect(await gate.run(async () => "after")).toBe("after");
  });
});
