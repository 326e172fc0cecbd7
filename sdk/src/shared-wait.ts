/** One wait shared by several callers: the pickup of a redirect return, which every checkout on the page and the
 * page itself wait on. It runs while someone still wants it. A caller may give a signal that ends its own share (a
 * checkout destroyed): it is told ``wait_aborted`` at once, and once every caller has left that way (none came
 * without a signal), the shared wait itself is stopped, its stream, polls and timers ended. A caller after that
 * starts it afresh (a checkout bound again); one after it settled gets its outcome. */
import { waitAborted } from "./wait";

interface Run<T> {
  result: Promise<T>;
  stop: AbortController;
  sharers: number;
  kept: boolean;  // a caller without a signal waits on it: it is never stopped
}

export class SharedWait<T> {
  private run?: Run<T>;

  constructor(private readonly start: (signal: AbortSignal) => Promise<T>) {}

  join(signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(waitAborted());
    if (!this.run || this.run.stop.signal.aborted) {
      const stop = new AbortController();
      const result = this.start(stop.signal);
      result.catch(() => undefined);  // a stopped run rejects with no one left to hear it
      this.run = { result, stop, sharers: 0, kept: false };
    }
    const run = this.run;
    if (!signal) {
      run.kept = true;
      return run.result;
    }
    run.sharers += 1;
    return new Promise<T>((resolve, reject) => {
      const leave = (): void => {
        run.sharers -= 1;
        if (run.sharers === 0 && !run.kept) run.stop.abort();
        reject(waitAborted());
      };
      signal.addEventListener("abort", leave, { once: true });
      run.result.then(resolve, reject).finally(() => signal.removeEventListener("abort", leave));
    });
  }
}
