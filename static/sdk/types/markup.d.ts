export declare class MarkupLedger {
    private readonly undo;
    private readonly noted;
    private closed;
    private readonly filled;
    /** Whether ``what`` of ``el`` is seen for the first time (its original is then to be kept). */
    private first;
    /** Set an element's text; its original children (not just their text) come back on restore. */
    text(el: Element, value: string): void;
    /** Set an attribute, or remove it with null. */
    attribute(el: Element, name: string, value: string | null): void;
    /** Set a live property (an input's value, a button's disabled). */
    property<T extends object, K extends keyof T & string>(el: T, name: K, value: T[K]): void;
    /** Add a node the merchant's markup did not have (an option of a SKU select). */
    append(parent: Element, node: ChildNode): void;
    /** Whether this ledger added the options of ``parent`` (the merchant's markup had none to choose from). */
    added(parent: Element): boolean;
    /** Put everything back, newest change first, and take no more writes. */
    restore(): void;
}
