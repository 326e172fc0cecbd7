export declare class SharedWait<T> {
    private readonly start;
    private run?;
    constructor(start: (signal: AbortSignal) => Promise<T>);
    join(signal?: AbortSignal): Promise<T>;
}
