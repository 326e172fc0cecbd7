/** A tiny event emitter for panels and components. */
export type Listener<T> = (event: T) => void;

// Events are an interface's keys, not any string: ``on("succeeded")`` (no such event) does not compile.
export class Emitter<E extends object> {
  private readonly listeners: { [K in keyof E]?: Listener<E[K]>[] } = {};

  on<K extends keyof E>(type: K, listener: Listener<E[K]>): this {
    (this.listeners[type] ??= []).push(listener);
    return this;
  }

  off<K extends keyof E>(type: K, listener: Listener<E[K]>): this {
    this.listeners[type] = (this.listeners[type] ?? []).filter((l) => l !== listener);
    return this;
  }

  /** Forget every listener (a destroyed component says nothing more). */
  protected clear(): void {
    for (const type of Object.keys(this.listeners) as (keyof E)[]) delete this.listeners[type];
  }

  emit<K extends keyof E>(type: K, event: E[K]): void {
    for (const listener of [...(this.listeners[type] ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        if (typeof console !== "undefined") console.error(`[kassa] ${String(type)} listener failed`, error);
      }
    }
  }
}
