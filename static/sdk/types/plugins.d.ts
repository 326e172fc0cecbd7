/** Plugins: hooks run in the order plugins were added; a hook may be async. */
import { KassaError } from "./errors";
import type { CreateOrderParams, Order, OrderStatus } from "./types";
export interface StatusChange {
    orderId: string;
    status: OrderStatus;
    previous: OrderStatus | null;
}
export interface KassaPlugin {
    name?: string;
    /** Return amended params, nothing to keep them, or `false` to veto the order. */
    beforeCreateOrder?(params: CreateOrderParams): CreateOrderParams | void | false | Promise<CreateOrderParams | void | false>;
    afterCreateOrder?(order: Order): void | Promise<void>;
    onStatusChange?(change: StatusChange): void | Promise<void>;
    onError?(error: KassaError): void | Promise<void>;
}
export declare class PluginHost {
    private readonly plugins;
    add(plugin: KassaPlugin): void;
    /** Each plugin sees the params as amended by the ones before it; one veto stops the order. */
    beforeCreateOrder(params: CreateOrderParams): Promise<CreateOrderParams>;
    /** Notify every plugin; an observer that throws must not break the payment, so it is only logged. */
    notify<K extends "afterCreateOrder" | "onStatusChange" | "onError">(hook: K, value: Parameters<NonNullable<KassaPlugin[K]>>[0]): Promise<void>;
}
