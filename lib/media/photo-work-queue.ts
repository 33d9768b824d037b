import { AppError } from "@/lib/errors/app-error";

/**
 * How much photo decoding one instance does at once. Decoding a 100-megapixel 16-bit PNG holds about 350 MB
 * and a core for several seconds; six at once took an instance from 0.4 to 3.7 GB and starved everything
 * else. Work is admitted by decoded pixels (the file header's width × height): up to `maxPixels` in flight
 * and at most `maxRunning` photos (one per core of a small instance); a photo bigger than the budget alone
 * still runs, by itself. Others wait in order, a bounded line, each for a bounded time; a person may have
 * `maxPerPerson` photos in flight or waiting, so one uploader cannot fill the line for the newsroom.
 */
export type PhotoWorkLimits = {
  maxPixels: number;
  maxRunning: number;
  maxWaiting: number;
  maxPerPerson: number;
  maxWaitMs: number;
};

const photoWorkLimits: PhotoWorkLimits = {
  maxPixels: 120_000_000,
  maxRunning: 2,
  maxWaiting: 8,
  maxPerPerson: 2,
  maxWaitMs: 60_000,
};

type Waiter = { pixels: number; admit: () => void };

export type PhotoWorkQueue = {
  /**
   * Runs `work` when there is room for `pixels` more; refuses with a 503 when the line or the person's share
   * is full.
   */
  run<T>(options: { personId: string; pixels: number; work: () => Promise<T> }): Promise<T>;
  /** Photos being decoded and waiting, for the bench and tests. */
  load(): { running: number; waiting: number; pixels: number };
};

const busy = (options: { message: string; userMessage: string }) =>
  new AppError({ code: "unavailable", ...options });

export function createPhotoWorkQueue(limits: PhotoWorkLimits): PhotoWorkQueue {
  let running = 0;
  let pixelsInFlight = 0;
  const waiting: Waiter[] = [];
  const perPerson = new Map<string, number>();

  const fits = (pixels: number) =>
    running === 0 || (running < limits.maxRunning && pixelsInFlight + pixels <= limits.maxPixels);

  // First come, first served: a large photo at the head is not overtaken by small ones behind it.
  function admitWaiting(): void {
    while (waiting.length > 0 && fits(waiting[0]!.pixels)) waiting.shift()!.admit();
  }

  function slot(pixels: number): Promise<void> {
    if (waiting.length === 0 && fits(pixels)) {
      running += 1;
      pixelsInFlight += pixels;
      return Promise.resolve();
    }
    if (waiting.length >= limits.maxWaiting) {
      return Promise.reject(
        busy({
          message: `photo queue full (${waiting.length} waiting)`,
          userMessage:
            "Copydesk is processing as many photos as it can right now. Try this one again in a moment.",
        }),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        pixels,
        admit: () => {
          clearTimeout(timer);
          running += 1;
          pixelsInFlight += pixels;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(
          busy({
            message: `photo waited over ${limits.maxWaitMs} ms`,
            userMessage:
              "Copydesk is busy with other photos and could not start this one in time. Try it again in a moment.",
          }),
        );
      }, limits.maxWaitMs);
      waiting.push(waiter);
    });
  }

  return {
    async run({ personId, pixels, work }) {
      const mine = perPerson.get(personId) ?? 0;
      if (mine >= limits.maxPerPerson) {
        throw busy({
          message: `person has ${mine} photos in progress`,
          userMessage: `You already have ${mine} photos being processed. Wait for them to finish, then upload this one again.`,
        });
      }
      perPerson.set(personId, mine + 1);
      const weight = Math.min(pixels, limits.maxPixels);
      try {
        await slot(weight);
        try {
          return await work();
        } finally {
          running -= 1;
          pixelsInFlight -= weight;
          admitWaiting();
        }
      } finally {
        const left = (perPerson.get(personId) ?? 1) - 1;
        if (left === 0) perPerson.delete(personId);
        else perPerson.set(personId, left);
      }
    },
    load: () => ({ running, waiting: waiting.length, pixels: pixelsInFlight }),
  };
}

/**
 * This instance's line for photo decoding (a limit per instance by design: each instance has its own memory).
 */
export const photoWorkQueue = createPhotoWorkQueue(photoWorkLimits);
