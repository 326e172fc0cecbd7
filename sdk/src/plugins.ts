/** Plugins: hooks run in the order plugins were added; a hook may be async. */
import { KassaError } from "./errors";
import type { CreateOrderParams, Order, OrderStatus } from "./types";

export interface StatusChange { orderId: string; status: OrderStatus; previous: OrderStatus | null }

export interface KassaPlugin {
  name?: string;
  /** Return amended params, nothing to keep them, or `false` to veto the order. */
  beforeCreateOrder?(params: CreateOrderParams): CreateOrderParams | void | false | Promise<CreateOrderParams | void | false>;
  afterCreateOrder?(order: Order): void | Promise<void>;
  onStatusChange?(change: StatusChange): void | Promise<void>;
  onError?(error: KassaError): void | Promise<void>;
}

export class PluginHost {
  private readonly plugins: KassaPlugin[] = [];

  add(plugin: KassaPlugin): void {
    if (!plugin || typeof plugin !== "object") throw new TypeError("kassa.use() takes a plugin object");
    this.plugins.push(plugin);
  }

  /** Each plugin sees the params as amended by the ones before it; one veto stops the order. */
  async beforeCreateOrder(params: CreateOrderParams): Promise<CreateOrderParams> {
    let current = params;
    for (const plugin of this.plugins) {
      if (!plugin.beforeCreateOrder) continue;
      let result: CreateOrderParams | void | false;
      try {
        result = await plugin.beforeCreateOrder(current);
      } catch (error) {
        // The hook may have been about to veto: stop the order, and say so as every SDK failure is said.
        if (error instanceof KassaError) throw error;
        throw new KassaError("plugin_error", "plugin_failed", `plugin ${plugin.name ?? "(unnamed)"} beforeCreateOrder `
          + `failed, so the order was not created: ${(error as Error)?.message ?? String(error)}`);
      }
      if (result === false) {
        throw new KassaError("plugin_error", "order_vetoed",
          `the order was stopped by plugin ${plugin.name ?? "(unnamed)"}`);
      }
      if (result && typeof result === "object") current = result;
    }
    return current;
  }

  /** Notify every plugin; an observer that throws must not break the payment, so it is only logged. */
  async notify<K extends "afterCreateOrder" | "onStatusChange" | "onError">(
    hook: K, value: Parameters<NonNullable<KassaPlugin[K]>>[0],
  ): Promise<void> {
    for (const plugin of this.plugins) {
      const fn = plugin[hook] as ((v: unknown) => unknown) | undefined;
      if (!fn) continue;
      try {
        await fn.call(plugin, value);
      } catch (error) {
        if (typeof console !== "undefined") console.error(`[kassa] plugin ${plugin.name ?? ""} ${hook} failed`, error);
      }
    }
  }
}
