/** What a headless component wrote into the merchant's markup, and how each thing was before it: ``restore()``
 * puts the markup back as the merchant wrote it (an unmounted component leaves no trace), and ignores any write
 * after it (a late answer to a request the component made before it was destroyed). */
type Restorable = Element & { textContent: string | null };

export class MarkupLedger {
  private readonly undo: (() => void)[] = [];
  private readonly noted = new Map<object, Set<string>>();
  private closed = false;
  private readonly filled = new Set<Element>();

  /** Whether ``what`` of ``el`` is seen for the first time (its original is then to be kept). */
  private first(el: object, what: string): boolean {
    const seen = this.noted.get(el) ?? new Set<string>();
    this.noted.set(el, seen);
    if (seen.has(what)) return false;
    seen.add(what);
    return true;
  }

  /** Set an element's text; its original children (not just their text) come back on restore. */
  text(el: Element, value: string): void {
    if (this.closed) return;
    if (this.first(el, "text")) {
      const target = el as Restorable;
      const children = target.childNodes ? Array.from(target.childNodes) : null;
      const text = target.textContent;
      this.undo.push(() => {
        if (children && typeof target.replaceChildren === "function") target.replaceChildren(...children);
        else target.textContent = text;
      });
    }
    el.textContent = value;
  }

  /** Set an attribute, or remove it with null. */
  attribute(el: Element, name: string, value: string | null): void {
    if (this.closed) return;
    if (this.first(el, `@${name}`)) {
      const before = el.getAttribute(name);
      this.undo.push(() => {
        if (before === null) el.removeAttribute(name);
        else el.setAttribute(name, before);
      });
    }
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }

  /** Set a live property (an input's value, a button's disabled). */
  property<T extends object, K extends keyof T & string>(el: T, name: K, value: T[K]): void {
    if (this.closed) return;
    if (this.first(el, `.${name}`)) {
      const before = el[name];
      this.undo.push(() => { el[name] = before; });
    }
    el[name] = value;
  }

  /** Add a node the merchant's markup did not have (an option of a SKU select). */
  append(parent: Element, node: ChildNode): void {
    if (this.closed) return;
    parent.appendChild(node);
    this.filled.add(parent);
    this.undo.push(() => node.remove());
  }

  /** Whether this ledger added the options of ``parent`` (the merchant's markup had none to choose from). */
  added(parent: Element): boolean {
    return this.filled.has(parent);
  }

  /** Put everything back, newest change first, and take no more writes. */
  restore(): void {
    this.closed = true;
    for (const undo of this.undo.splice(0).reverse()) undo();
    this.noted.clear();
  }
}
