import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";

import { createPhotoWorkQueue, type PhotoWorkLimits } from "./photo-work-queue";

const limits: PhotoWorkLimits = {
  maxPixels: 120_000_000,
  maxRunning: 2,
  maxWaiting: 2,
  maxPerPerson: 2,
  maxWaitMs: 60_000,
};

/** A piece of work that runs until released, recording when it started. */
function heldWork(started: string[], name: string) {
  let release: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { work: () => (started.push(name), done), release: () => release() };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => error,
  );

// Issue 19.4: every upload decoded at once, however many and however large, until the instance ran out of
// memory.
describe("photo work queue", () => {
  it("runs two 100-megapixel photos one after the other, and small ones beside a large one", async () => {
    const queue = createPhotoWorkQueue(limits);
    const started: string[] = [];
    const first = heldWork(started, "first 100 MP");
    const second = heldWork(started, "second 100 MP");
    const runs = [
      queue.run({ personId: "a", pixels: 100_000_000, work: first.work }),
      queue.run({ personId: "b", pixels: 100_000_000, work: second.work }),
    ];
    await Promise.resolve();
    expect(started).toEqual(["first 100 MP"]);
    expect(queue.load()).toEqual({ running: 1, waiting: 1, pixels: 100_000_000 });
    first.release();
    await runs[0];
    await expect.poll(() => started).toEqual(["first 100 MP", "second 100 MP"]);
    const small = heldWork(started, "small");
    const smallRun = queue.run({ personId: "c", pixels: 12_000_000, work: small.work });
    await expect.poll(() => started).toContain("small");
    second.release();
    small.release();
    await Promise.all([...runs, smallRun]);
    expect(queue.load()).toEqual({ running: 0, waiting: 0, pixels: 0 });
  });

  it("refuses with a 503 and a sentence when the line is full, and serves the line in order", async () => {
    const queue = createPhotoWorkQueue({ ...limits, maxRunning: 1 });
    const started: string[] = [];
    const items = ["one", "two", "three"].map((name) => heldWork(started, name));
    const runs = items.map((item, index) =>
      queue.run({ personId: `p${index}`, pixels: 1_000_000, work: item.work }),
    );
    const error = await refusal(
      queue.run({ personId: "p9", pixels: 1_000_000, work: async () => undefined }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "unavailable",
      userMessage:
        "Copydesk is processing as many photos as it can right now. Try this one again in a moment.",
    });
    for (const item of items) {
      item.release();
      await expect.poll(() => started.length).toBeGreaterThanOrEqual(items.indexOf(item) + 1);
    }
    await Promise.all(runs);
    expect(started).toEqual(["one", "two", "three"]);
  });

  it("gives one person at most their share, and frees it when their photos finish or fail", async () => {
    const queue = createPhotoWorkQueue(limits);
    const started: string[] = [];
    const items = [heldWork(started, "1"), heldWork(started, "2")];
    const runs = items.map((item) => queue.run({ personId: "ana", pixels: 1_000_000, work: item.work }));
    const error = await refusal(
      queue.run({ personId: "ana", pixels: 1_000_000, work: async () => undefined }),
    );
    expect(error).toMatchObject({
      code: "unavailable",
      userMessage:
        "You already have 2 photos being processed. Wait for them to finish, then upload this one again.",
    });
    // Ben is not refused for Ana's share: he waits for a free slot.
    const ben = queue.run({ personId: "ben", pixels: 1_000_000, work: async () => "ben done" });
    expect(queue.load().waiting).toBe(1);
    items[0]!.release();
    await runs[0];
    expect(await ben).toBe("ben done");
    await expect(
      queue.run({ personId: "ana", pixels: 1_000_000, work: () => Promise.reject(new Error("bad file")) }),
    ).rejects.toThrow("bad file");
    items[1]!.release();
    await runs[1];
    expect(queue.load()).toEqual({ running: 0, waiting: 0, pixels: 0 });
    expect(await queue.run({ personId: "ana", pixels: 1_000_000, work: async () => "done" })).toBe("done");
  });

  it("gives up on a photo that waited too long, with a sentence", async () => {
    const queue = createPhotoWorkQueue({ ...limits, maxRunning: 1, maxWaitMs: 20 });
    const started: string[] = [];
    const item = heldWork(started, "long");
    const run = queue.run({ personId: "a", pixels: 1, work: item.work });
    const error = await refusal(queue.run({ personId: "b", pixels: 1, work: async () => undefined }));
    expect(error).toMatchObject({
      code: "unavailable",
      userMessage:
        "Copydesk is busy with other photos and could not start this one in time. Try it again in a moment.",
    });
    expect(queue.load().waiting).toBe(0);
    item.release();
    await run;
  });
});
