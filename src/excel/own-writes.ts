/**
 * The add-in's own writes make Excel fire onChanged like an officer's edit does, and the events
 * arrive after the sync that caused them. Writers run inside `ownWrites.during(...)`; live
 * validation ignores events while it is active and for a grace period after it ends.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class OwnWrites {
  private depth = 0;
  private graceTimer: unknown = null;
  private inGrace = false;

  constructor(
    private readonly timers: Timers = realTimers,
    /** How long after our last sync events are still taken as ours (ms). */
    readonly graceMs = 400
  ) {}

  get active(): boolean {
    return this.depth > 0 || this.inGrace;
  }

  async during<T>(fn: () => Promise<T>): Promise<T> {
    this.depth++;
    if (this.graceTimer !== null) this.timers.clearTimeout(this.graceTimer);
    this.graceTimer = null;
    try {
      return await fn();
    } finally {
      this.depth--;
      if (this.depth === 0) {
        this.inGrace = true;
        this.graceTimer = this.timers.setTimeout(() => {
          this.inGrace = false;
          this.graceTimer = null;
        }, this.graceMs);
      }
    }
  }
}

/** The one the add-in uses (tests make their own). */
export const ownWrites = new OwnWrites();
