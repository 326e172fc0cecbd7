/** A tiny event emitter for panels and components. */
export type Listener<T> = (event: T) => void;
export declare class Emitter<E extends object> {
    private readonly listeners;
    on<K extends keyof E>(type: K, listener: Listener<E[K]>): this;
    off<K extends keyof E>(type: K, listener: Listener<E[K]>): this;
    /** Forget every listener (a destroyed component says nothing more). */
    protected clear(): void;
    emit<K extends keyof E>(type: K, event: E[K]): void;
}
