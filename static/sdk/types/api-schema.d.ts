export interface paths {
    "/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchant's money, read from the ledger: available (its cleared share, net of fees and refunds, not yet paid out), pending (captured for orders not completed yet, and cleared money on hold), frozen (refunds set aside until the provider confirms them), and what customers hold in wallets (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Balance"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout_sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a checkout session for a customer (secret key): its url and client_secret let the shopper pay as that customer, wallet included */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CheckoutSessionInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckoutSession"];
                    };
                };
                /** @description invalid field (param names it): customer, items or product, currency (currency_unavailable when an item has no price in it), URLs, metadata, expires_at; sku_recurring: a subscription SKU (items[i].sku) or a product sold only as subscriptions (product), which POST /subscriptions opens */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description out_of_stock */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout_sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a checkout session of this key's mode (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckoutSession"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's wallet balance per currency (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerBalance"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/billing_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A self-service link (one hour) where the customer sees their subscriptions, cancels them, updates a subscription's payment method without being charged and pays a failed renewal with a new card (secret key; hand it to that customer only); with flow and subscription it opens straight at that subscription's payment method */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["BillingLinkInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BillingLink"];
                    };
                };
                /** @description bad customer id; flow unknown, or subscription not one of the customer's in this mode; return_url not an absolute http(s) URL of at most 1400 characters (param names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description subscription_state_invalid: that subscription's payment method cannot be updated (ended, or ending as the customer or merchant asked) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a customer holds: membership end, credit balance, grants (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Entitlements"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a customer's personal data (a shopper's erasure request; secret key)
         * @description Blanks the customer's email on orders, subscriptions and checkout sessions, the address their receipts and subscription emails went to (unsent ones are dropped), the IP and device of their refund requests, the same in stored events and in responses kept for idempotent replays, and the bodies of logged API requests that carried them. Orders, amounts, payments and the ledger stay. A live key erases live and test data, a test key test data. Erasing again blanks nothing more (all counts 0). An id holding a / (tenant/42) is taken whole, as it is or as %2F.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerErasure"];
                    };
                };
                /** @description customer id empty or over 200 characters */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything Kassa holds about a customer (a shopper's access request; secret key)
         * @description One document: their orders as GET /orders/{id} shows them (with the email they gave, payments, refunds and disputes), subscriptions, entitlements and wallet balance by mode, withdrawals, refund requests (with the address and device they came from), the emails sent to them and the erasures done. A live key covers live and test records, a test key test records. The audit log records who exported whose data and how much, never the data. An id holding a / is taken whole, as it is or as %2F.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerExport"];
                    };
                };
                /** @description customer id empty or over 200 characters */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description export_too_large: more than 10,000 orders; page GET /orders?customer= instead */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/topups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Top up a customer's wallet through a channel; follow the payment's next_action */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TopupInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TopupResponse"];
                    };
                };
                /** @description bad amount or currency, or a channel that cannot top up (e.g. wallet) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description risk_blocked: the merchant's risk settings refuse this order; nothing was created (the message is neutral; the merchant gets a risk.blocked event with the reasons) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description checkout_session_required: a publishable key needs the checkout_session of this customer */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description the channel failed; the top-up was closed */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move money from this customer's wallet to another customer's of the same merchant (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the customer's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransferInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TransferResponse"];
                    };
                };
                /** @description invalid field (param names it); transfer_to_self */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description risk_blocked: the merchant's risk settings refuse it (a block list entry, a withdrawal rule) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description insufficient_balance: the available balance does not cover the amount; nothing moved */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description channel_unavailable: the wallet channel is switched off (the message gives the reason); maintenance: maintenance is on; service_unavailable / wallet_locked: as on every money route. Nothing moved; retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/wallet/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every movement of the customer's wallet in one currency with the running balances, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description required when the wallet holds more than one currency */
                    currency?: string;
                    /** @description unix seconds or ISO 8601 (inclusive) */
                    from?: string;
                    /** @description unix seconds or ISO 8601 (exclusive) */
                    to?: string;
                    limit?: number;
                    /** @description the id of the last movement you have */
                    starting_after?: string;
                };
                header?: never;
                path: {
                    /** @description the customer's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WalletStatement"];
                    };
                };
                /** @description bad parameter (param names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/wallet/statement.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same statement as CSV (every movement in the period), streamed */
        get: {
            parameters: {
                query?: {
                    /** @description required when the wallet holds more than one currency */
                    currency?: string;
                    /** @description unix seconds or ISO 8601 (inclusive) */
                    from?: string;
                    /** @description unix seconds or ISO 8601 (exclusive) */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description the customer's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description bad parameter (param names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's withdrawals of this key's mode, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                };
                header?: never;
                path: {
                    /** @description the customer's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WithdrawalList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Withdraw from a customer's wallet to their payout account (secret key): the amount is frozen until the payout is paid, and back in the wallet if it fails for good */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the customer's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WithdrawalInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WithdrawalResponse"];
                    };
                };
                /** @description invalid field (param names it); channel_unavailable: a live key and a test payout channel */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description risk_blocked: the merchant's risk settings refuse it (a block list entry, a withdrawal rule) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description insufficient_balance: the available balance does not cover the amount; nothing moved */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description channel_unavailable: the wallet channel is switched off (the message gives the reason); maintenance: maintenance is on; service_unavailable / wallet_locked: as on every money route. Nothing moved; retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List disputes (chargebacks), newest first (secret key) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                    status?: "needs_response" | "under_review" | "won" | "lost";
                    order?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeList"];
                    };
                };
                /** @description bad status, limit or cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a dispute (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dispute"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such dispute */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the provider the merchant's evidence; the dispute goes under review (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DisputeEvidenceInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dispute"];
                    };
                };
                /** @description text missing or too long */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such dispute */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description dispute_state_invalid: evidence only while it needs a response; evidence_too_late: past evidence_due_by; evidence_refused by the provider */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description evidence_outcome_unknown: the provider's answer could not be read (it may have taken the evidence; its next notice of the dispute says) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events, newest first (secret key) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventList"];
                    };
                };
                /** @description bad parameter or unknown type */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List orders, newest first (secret key) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                    status?: string;
                    customer?: string;
                    created_gte?: string;
                    created_lte?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an order */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrderInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description invalid items, currency_unavailable (an item has no price in the currency asked for; param currency), currency_mismatch (items in different default currencies and no currency given), or a coupon that cannot be used: coupon_invalid (unknown or deactivated code), coupon_expired, coupon_not_yet_valid, coupon_not_applicable (wrong items, currency or spend); checkout_session_invalid (unknown, another merchant's or another mode's session); sku_recurring (items[i].sku is sold as a subscription: POST /subscriptions opens it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description risk_blocked: the merchant's risk settings refuse this order; nothing was created (the message is neutral; the merchant gets a risk.blocked event with the reasons) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description out_of_stock, or coupon_exhausted (its total or per-customer limit is reached); checkout_session_complete, checkout_session_expired */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description agreement_required, or purchase_limit_exceeded (the customer may buy no more of a SKU) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description maintenance: new orders are paused (Retry-After says when to try again) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve an order (secret key, or publishable key with client_secret) */
        get: {
            parameters: {
                query?: {
                    client_secret?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order that is created or paying (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description the body is not a readable JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not cancellable */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/change_payment_method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The shopper pays another way: fail the order's waiting payment (e.g. an unscanned QR code) and reopen the order (status created, same items and coupon) for a new pay call (publishable key: with the order's client_secret) */
        post: {
            parameters: {
                query?: {
                    client_secret?: string;
                };
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        client_secret?: string;
                        /** @description the waiting payment's id; refused (409) when another payment is waiting by now */
                        payment?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description payment is not a string */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order or payment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no payment waiting (payment_not_waiting), or its outcome not known yet (payment_outcome_unknown) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a fulfilled order: fulfilled → completed (secret key; also happens automatically) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description the body is not a readable JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order is not fulfilled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order's events, oldest first (secret key, or publishable key with client_secret) */
        get: {
            parameters: {
                query?: {
                    client_secret?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventList"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a payment on a channel; follow next_action (publishable key: with the order's client_secret). An order of nothing is completed at once, without a channel: payment null */
        post: {
            parameters: {
                query?: {
                    client_secret?: string;
                };
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PayInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PayResponse"];
                    };
                };
                /** @description unknown or unavailable channel (channel_unavailable says why: e.g. a test channel for a live order, or the wallet of an unverified customer); return_url_not_allowed: a live publishable key's return_url is not a page of the merchant's allowed origins */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order (of this key's mode), or a publishable key without the order's client_secret */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payment in progress (payment_in_progress), its outcome not known yet (payment_outcome_unknown), expired or not payable; checkout_session_complete: another order of its checkout session is paid already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description insufficient_balance: the wallet does not cover the total */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description the channel failed (channel_unavailable) or did not answer in time (payment_outcome_unknown) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/refund_requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A shopper asks for a refund (publishable key with client_secret, or secret key): scored for abuse, then refunded in full at once (approved), held for the merchant (review) or denied */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefundRequestInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefundRequestCreated"];
                    };
                };
                /** @description reason missing or too long */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order (or wrong client_secret) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order_state_invalid: not paid; refund_in_progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description nothing_to_refund: the order cost nothing (completed without a payment) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund all or part of a paid order through the channel that captured it (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RefundInput"];
                };
            };
            responses: {
                /** @description Created (status pending while the provider's answer is unknown: the order stays refunding and Kassa resolves it by the refund's reference; failed if the channel refused: retry it) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefundResponse"];
                    };
                };
                /** @description amount or reason invalid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not refundable now, or a refund is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description amount_too_large: more than remains refundable; nothing_to_refund: the order cost nothing (completed without a payment) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a held order (secret key): approve fulfils it, reject refunds it in full */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReviewDecision"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description decision must be approve or reject */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description review_not_open: not waiting for review */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's status as server-sent events, authorised by its client_secret (no key: an EventSource cannot send headers). `event: status` carries an OrderStatusEvent whenever the status or latest payment changes; `event: end` closes the stream once the order is paid or closed (reason `decided`), after ORDER_STREAM_SECONDS (reason `timeout`: the client reconnects), when the order no longer exists (reason `gone`) or when the database went away mid-stream (reason `unavailable`: poll the order meanwhile). The web process holds no stream: with a stream process (STREAM_PUBLIC_URL) it answers 307 to the same path and query there (an EventSource follows it); without one it answers at once with the order's `status` and `end` (reason `poll`: poll the order). The stream process caps open streams per order, per client address and in total: past a cap, 429 `too_many_streams` with Retry-After. CORS: any origin (`null` included, as after a redirect). */
        get: {
            parameters: {
                query: {
                    client_secret: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream of `status` events (data: OrderStatusEvent) and a final `end` event */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description the stream is on the stream process (Location: the same path and query there) */
                307: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description no such order, or a wrong client_secret */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many open streams (of this order, from this address, or in all); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List partners, self first (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PartnerList"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a partner the merchant shares revenue with (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PartnerInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Partner"];
                    };
                };
                /** @description invalid field (param names it); 1000 partners added in the key's mode */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a partner (self: the merchant) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Partner"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such partner */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a partner's name, payout account, cycle or reserve */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PartnerPatch"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Partner"];
                    };
                };
                /** @description invalid field (param names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such partner */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List active products */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                    /** @description text in the name or description */
                    q?: string;
                    /** @description secret key only; default active */
                    status?: "draft" | "active" | "archived";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a product with its SKUs (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProductInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description invalid field (param names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a product */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a product's name, description, attributes or status (secret key) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProductPatch"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description invalid field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/products/{id}/skus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a SKU to a product (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SkuInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sku"];
                    };
                };
                /** @description invalid field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Price a basket (no side effects) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["QuoteInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quote"];
                    };
                };
                /** @description invalid items, currency_unavailable (an item has no price in the currency asked for; param currency), currency_mismatch (items in different default currencies and no currency given), or a coupon that cannot be used: coupon_invalid (unknown or deactivated code), coupon_expired, coupon_not_yet_valid, coupon_not_applicable (wrong items, currency or spend) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description out_of_stock, or coupon_exhausted (its total or per-customer limit is reached) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reconciliation_runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List reconciliation runs, newest first (a test key: those of test-only channels) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                    channel?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReconciliationRunList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Reconcile a channel's statement of one day; the run works on a worker (poll until done) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReconciliationRunInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReconciliationRun"];
                    };
                };
                /** @description channel without statements; date malformed or in the future */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route; a test key and a channel that is not test-only (code live_key_required) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reconciliation_runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a reconciliation run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReconciliationRun"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such run (for a test key: nor one of a channel that is not test-only) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reconciliation_runs/{id}/discrepancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The discrepancies of the run's channel and day (also those an earlier run of the day recorded) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    status?: "open" | "resolved";
                    kind?: "missing_in_kassa" | "missing_at_provider" | "amount_mismatch" | "status_mismatch" | "duplicate";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DiscrepancyList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such run (for a test key: nor one of a channel that is not test-only) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/refunds/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a failed refund again, including a failed automatic return of a stray capture (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefundResponse"];
                    };
                };
                /** @description the body is not a readable JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such refund */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description refund not failed, or order not refundable now */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description amount_too_large: the refund no longer fits */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk/list_entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's mode's list entries, newest first; filter by kind and value (secret key) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                    kind?: "customer" | "email" | "email_domain" | "ip" | "device" | "card_fingerprint";
                    value?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskListEntryList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a block, allow or review list entry to the key's mode's lists (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RiskListEntryInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskListEntry"];
                    };
                };
                /** @description invalid field (param names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_exists: that kind and value are already listed in this mode */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk/list_entries/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every list entry of the key's mode as CSV, in the import's format (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk/list_entries/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import entries into the key's mode's lists from CSV: kind,value,action[,expires_at][,note] per line (secret key); bad lines are reported by number, values already listed in this mode are skipped */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskImportReport"];
                    };
                };
                /** @description invalid_csv: not text/csv, not UTF-8, or too large */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk/list_entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a list entry of the key's mode (secret key) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such entry in this mode */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the merchant's risk rules of the key's mode (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskRuleList"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a risk rule for the key's mode's orders (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RiskRuleInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskRule"];
                    };
                };
                /** @description invalid field (param names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk/rules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a rule (not saved) on the last 30 days of this mode's orders: how many it would have flagged */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RiskRuleInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskRulePreview"];
                    };
                };
                /** @description invalid rule (param names it); preview_unavailable: the rule reads the shopper's address, device or country, which orders do not keep */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a rule (secret key of the rule's mode) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such rule in this mode */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a rule's params, action or enabled (secret key of the rule's mode) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RiskRuleUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskRule"];
                    };
                };
                /** @description invalid field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such rule in this mode */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List settlements of this key's mode, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                    partner?: string;
                    status?: "pending" | "paying" | "paid" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test keys: cut every settlement due now (or up to until) and send the payouts */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SettlementRunInput"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementRun"];
                    };
                };
                /** @description test_mode_only with a live key; until is not a time or more than 730 days from now */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a settlement with its payout */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settlement"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such settlement */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A settlement's lines in posting order (starting_after: the id of the last line you have) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementLineList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such settlement */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/{id}/retry_payout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a settlement's failed payout again (after fixing the partner's payout account) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settlement"];
                    };
                };
                /** @description payout_state_invalid: nothing to pay */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such settlement */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payout_state_invalid: the payout has not failed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/{id}/statement.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The settlement statement as CSV: a summary, then every line */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such settlement */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/skus/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a SKU: price, prices, stock, status, rules (secret key) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SkuPatch"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sku"];
                    };
                };
                /** @description invalid field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such SKU */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscriptions, newest first (secret key) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                    customer?: string;
                    status?: "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubscriptionList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Open a subscription and its first order; paying that order activates it and signs the mandate (a SKU with a free trial: the order is of nothing, only sandbox_card and wallet are offered, and the contract is trialing until the trial ends; a customer who has had a contract on the product before gets no trial: the order is of the SKU's price) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubscriptionInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubscriptionCreated"];
                    };
                };
                /** @description invalid field (param names it); sku_not_recurring: the SKU has no subscription terms; currency_unavailable: the SKU has no price in currency; test_clock with live keys or unknown */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description risk_blocked: nothing was created */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description out_of_stock, or coupon_exhausted (its total or per-customer limit is reached) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description agreement_required, or purchase_limit_exceeded (the customer may buy no more of a SKU) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description maintenance: new orders are paused */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a subscription (secret key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such subscription */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the SKU from the next renewal on (secret key) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubscriptionUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description not a subscription SKU (sku_not_recurring) or no price in the subscription's currency (currency_mismatch) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such subscription */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/subscriptions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel now, or at the end of the current period with at_period_end (secret key); cancelling a canceled subscription returns it unchanged */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubscriptionCancel"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description at_period_end must be a boolean */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such subscription */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one); payment_in_progress: the first payment's outcome is not known yet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop renewing until resumed; the current period runs to its end (secret key); repeating it returns the subscription unchanged */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description the body is not a readable JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such subscription */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew again (at once, in a new period, when the pause outlasted the period) (secret key); repeating it returns the subscription unchanged */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description the body is not a readable JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such subscription */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/test_clocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List test clocks, newest first (empty for live keys) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestClockList"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a test clock (test secret keys only) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TestClockInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestClock"];
                    };
                };
                /** @description frozen_time is neither ISO 8601 nor unix seconds, or not between 2000 and 2200; live keys */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/test_clocks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a test clock */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestClock"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such test clock */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/test_clocks/{id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the clock forward: the worker runs every renewal notice, renewal, dunning try and expiry that falls due, in time order (status advancing), then reports ready */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TestClockAdvance"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestClock"];
                    };
                };
                /** @description to is not after frozen_time or more than two years on */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such test clock */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description clock_advancing: wait until the clock is ready */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook_endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the key's mode's webhook endpoints, newest first (no secrets) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description the id of the last item of the page before; any other value is a 400 */
                    starting_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointList"];
                    };
                };
                /** @description bad parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register a webhook endpoint in the key's mode (it receives that mode's events only); the answer holds its signing secret, shown once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WebhookEndpointInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointCreated"];
                    };
                };
                /** @description invalid url or events */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook_endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a webhook endpoint (no secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Change a webhook endpoint's url, events or enabled state */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WebhookEndpointUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description nothing to change, or a bad url, events or enabled */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Delete a webhook endpoint; its pending deliveries stop */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointDeleted"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such endpoint (or one of the other mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook_endpoints/{id}/roll_secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the endpoint a new signing secret (in the answer, shown once); the old one also signs for overlap_hours */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["WebhookSecretRoll"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointCreated"];
                    };
                };
                /** @description overlap_hours is not 0-24 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description webhook_secret_rolled: rolled by someone else at that moment */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook_endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the endpoint a sample event (test_webhook: true) now, signed and delivered like any other; no handler and no other endpoint sees it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["WebhookTestInput"];
                };
            };
            responses: {
                /** @description Sent (the delivery says how the endpoint answered) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookTest"];
                    };
                };
                /** @description type unknown or not one the endpoint listens to */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description webhook_endpoint_disabled: enable the endpoint first */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/withdrawals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a withdrawal with its payout */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Withdrawal"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such withdrawal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/withdrawals/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a withdrawal held for review: approve sends its payout, reject gives the money back */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReviewDecision"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Withdrawal"];
                    };
                };
                /** @description decision is not approve or reject */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description no such withdrawal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description review_not_open: not waiting for a decision */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description channel_unavailable: the wallet channel is switched off (the message gives the reason); maintenance: maintenance is on; service_unavailable / wallet_locked: as on every money route. Nothing moved; retry after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "channel_config.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * channel_config.updated
         * @description Sent to endpoints subscribed to `*` (not subscribable by name); `data.object` is shaped like ChannelConfigEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-channel_config.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "checkout_session.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * checkout_session.completed
         * @description Sent to endpoints subscribed to `checkout_session.completed` or `*`; `data.object` is shaped like CheckoutSessionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-checkout_session.completed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispute.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dispute.closed
         * @description Sent to endpoints subscribed to `dispute.closed` or `*`; `data.object` is shaped like DisputeEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-dispute.closed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispute.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dispute.created
         * @description Sent to endpoints subscribed to `dispute.created` or `*`; `data.object` is shaped like DisputeEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-dispute.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispute.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dispute.updated
         * @description Sent to endpoints subscribed to `dispute.updated` or `*`; `data.object` is shaped like DisputeEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-dispute.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.closed
         * @description Sent to endpoints subscribed to `order.closed` or `*`; `data.object` is shaped like OrderEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.closed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.completed
         * @description Sent to endpoints subscribed to `order.completed` or `*`; `data.object` is shaped like OrderEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.completed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.created
         * @description Sent to endpoints subscribed to `order.created` or `*`; `data.object` is shaped like OrderEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.fulfilled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.fulfilled
         * @description Sent to endpoints subscribed to `order.fulfilled` or `*`; `data.object` is shaped like OrderEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.fulfilled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.fulfilment_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.fulfilment_failed
         * @description Sent to endpoints subscribed to `*` (not subscribable by name); `data.object` is shaped like OrderFulfilmentFailedEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.fulfilment_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.paid
         * @description Sent to endpoints subscribed to `order.paid` or `*`; `data.object` is shaped like OrderEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.paid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.paying": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.paying
         * @description Sent to endpoints subscribed to `order.paying` or `*`; `data.object` is shaped like OrderEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.paying"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.refunded
         * @description Sent to endpoints subscribed to `order.refunded` or `*`; `data.object` is shaped like OrderEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.refunded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.refunding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.refunding
         * @description Sent to endpoints subscribed to `order.refunding` or `*`; `data.object` is shaped like OrderEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-order.refunding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.canceled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment.canceled
         * @description Sent to endpoints subscribed to `payment.canceled` or `*`; `data.object` is shaped like PaymentEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-payment.canceled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.captured_on_inactive_order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment.captured_on_inactive_order
         * @description Sent to endpoints subscribed to `payment.captured_on_inactive_order` or `*`; `data.object` is shaped like PaymentEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-payment.captured_on_inactive_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment.failed
         * @description Sent to endpoints subscribed to `payment.failed` or `*`; `data.object` is shaped like PaymentEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-payment.failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment.succeeded
         * @description Sent to endpoints subscribed to `payment.succeeded` or `*`; `data.object` is shaped like PaymentEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-payment.succeeded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payout.failed
         * @description Sent to endpoints subscribed to `payout.failed` or `*`; `data.object` is shaped like Payout. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-payout.failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "reconciliation.discrepancy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * reconciliation.discrepancy
         * @description Sent to endpoints subscribed to `reconciliation.discrepancy` or `*`; `data.object` is shaped like Discrepancy. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-reconciliation.discrepancy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * refund.failed
         * @description Sent to endpoints subscribed to `refund.failed` or `*`; `data.object` is shaped like RefundEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-refund.failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * refund.succeeded
         * @description Sent to endpoints subscribed to `refund.succeeded` or `*`; `data.object` is shaped like RefundEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-refund.succeeded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "risk.blocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * risk.blocked
         * @description Sent to endpoints subscribed to `risk.blocked` or `*`; `data.object` is shaped like RiskEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-risk.blocked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "risk.review_approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * risk.review_approved
         * @description Sent to endpoints subscribed to `risk.review_approved` or `*`; `data.object` is shaped like RiskEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-risk.review_approved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "risk.review_opened": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * risk.review_opened
         * @description Sent to endpoints subscribed to `risk.review_opened` or `*`; `data.object` is shaped like RiskEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-risk.review_opened"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "risk.review_rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * risk.review_rejected
         * @description Sent to endpoints subscribed to `risk.review_rejected` or `*`; `data.object` is shaped like RiskEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-risk.review_rejected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "settlement.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * settlement.created
         * @description Sent to endpoints subscribed to `settlement.created` or `*`; `data.object` is shaped like Settlement. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-settlement.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "settlement.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * settlement.paid
         * @description Sent to endpoints subscribed to `settlement.paid` or `*`; `data.object` is shaped like SettlementPaidEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-settlement.paid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.activated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.activated
         * @description Sent to endpoints subscribed to `subscription.activated` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.activated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.canceled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.canceled
         * @description Sent to endpoints subscribed to `subscription.canceled` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.canceled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.created
         * @description Sent to endpoints subscribed to `subscription.created` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.expired
         * @description Sent to endpoints subscribed to `subscription.expired` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.expired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.past_due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.past_due
         * @description Sent to endpoints subscribed to `subscription.past_due` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.past_due"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.paused": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.paused
         * @description Sent to endpoints subscribed to `subscription.paused` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.paused"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.renewal_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.renewal_failed
         * @description Sent to endpoints subscribed to `subscription.renewal_failed` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.renewal_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.renewal_upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.renewal_upcoming
         * @description Sent to endpoints subscribed to `subscription.renewal_upcoming` or `*`; `data.object` is shaped like SubscriptionRenewalUpcomingEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.renewal_upcoming"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.renewed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.renewed
         * @description Sent to endpoints subscribed to `subscription.renewed` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.renewed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.resumed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.resumed
         * @description Sent to endpoints subscribed to `subscription.resumed` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.resumed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.updated
         * @description Sent to endpoints subscribed to `subscription.updated` or `*`; `data.object` is shaped like SubscriptionEventObject. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-subscription.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "transfer.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * transfer.created
         * @description Sent to endpoints subscribed to `transfer.created` or `*`; `data.object` is shaped like Transfer. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-transfer.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "withdrawal.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * withdrawal.created
         * @description Sent to endpoints subscribed to `withdrawal.created` or `*`; `data.object` is shaped like Withdrawal. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-withdrawal.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "withdrawal.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * withdrawal.failed
         * @description Sent to endpoints subscribed to `withdrawal.failed` or `*`; `data.object` is shaped like Withdrawal. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-withdrawal.failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "withdrawal.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * withdrawal.paid
         * @description Sent to endpoints subscribed to `withdrawal.paid` or `*`; `data.object` is shaped like Withdrawal. Verify the signature first ([Receiving webhooks](#tag/Receiving-webhooks)).
         */
        post: operations["webhook-withdrawal.paid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        AmountList: components["schemas"]["Money"][];
        Balance: {
            available: components["schemas"]["AmountList"];
            frozen: components["schemas"]["AmountList"];
            /** @constant */
            object?: "balance";
            pending: components["schemas"]["AmountList"];
            wallets?: components["schemas"]["AmountList"];
        };
        BillingLink: {
            customer: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            /** @enum {string|null} */
            flow?: "payment_method_update" | null;
            livemode?: boolean;
            /** @constant */
            object: "billing_link";
            /**
             * Format: uri
             * @description the page the link's pages lead back to, as asked
             */
            return_url?: string | null;
            subscription?: string | null;
            /** Format: uri */
            url: string;
        };
        BillingLinkInput: {
            /**
             * @description payment_method_update: the link opens at the subscription's payment method, where the customer saves a new card without being charged (or, past due with its renewal open, pays that renewal with it)
             * @enum {unknown}
             */
            flow?: "payment_method_update";
            /**
             * Format: uri
             * @description your page the subscriber goes back to: the self-service pages (and the outcome of a payment method update) show "Back to <your name>" linking to it; any absolute http(s) URL
             */
            return_url?: string;
            /** @description with flow: one of the customer's subscriptions, in the key's mode */
            subscription?: string;
        };
        ChannelConfigEventObject: {
            agreement_text?: string | null;
            code: string;
            currencies?: string[];
            display_name?: string | null;
            /** @description minor units per currency; a currency not named: the channel's published fee */
            dispute_fees?: {
                [key: string]: number;
            };
            enabled: boolean;
            /** @description the merchant's rate in basis points; null: published */
            fee_bps?: number | null;
            /** @description minor units per currency; a currency not named: the channel's published fee */
            fixed_fees?: {
                [key: string]: number;
            };
            icon?: string | null;
            limits_currency?: string | null;
            max_amount?: number | null;
            min_amount?: number | null;
            /** @constant */
            object: "channel_config";
            priority: number;
        };
        CheckoutSession: {
            cancel_url: string | null;
            client_secret: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            /** @description the currency the fixed items are priced in; null: their default prices */
            currency?: string | null;
            customer: {
                email?: string | null;
                id: string;
            };
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items?: components["schemas"]["ItemInput"][] | null;
            livemode: boolean;
            metadata: Record<string, unknown>;
            /** @constant */
            object: "checkout_session";
            /** @description the paid order that completed the session */
            order?: string | null;
            orders?: string[];
            product?: string | null;
            /** @enum {unknown} */
            status: "open" | "complete" | "expired";
            success_url: string | null;
            /**
             * Format: uri
             * @description the hosted checkout for this session; carries the client secret, so hand it only to the shopper
             */
            url: string;
        };
        CheckoutSessionEventObject: {
            cancel_url: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @description the currency the fixed items are priced in; null: their default prices */
            currency: string | null;
            customer: {
                email?: string | null;
                id: string;
            };
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items: components["schemas"]["ItemInput"][] | null;
            livemode: boolean;
            metadata: Record<string, unknown>;
            /** @constant */
            object: "checkout_session";
            /** @description the paid order that completed the session */
            order: string | null;
            product: string | null;
            /** @enum {unknown} */
            status: "open" | "complete" | "expired";
            success_url: string | null;
        };
        CheckoutSessionInput: {
            /** Format: uri */
            cancel_url?: string;
            /** @description with items only: price them in this currency (each must have a price in it); the session's orders are charged in it */
            currency?: string;
            customer: {
                email?: string;
                id: string;
            };
            /**
             * @description ISO 8601 or unix seconds, 30 minutes to 7 days ahead; default 24 h
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            expires_at?: string | number;
            /** @description a fixed basket; or product */
            items?: components["schemas"]["ItemInput"][];
            metadata?: Record<string, unknown>;
            /** @description the shopper picks its option and quantity; or items */
            product?: string;
            /**
             * Format: uri
             * @description after payment; {CHECKOUT_SESSION_ID} is replaced by the session id
             */
            success_url?: string;
        };
        CustomerBalance: {
            available: components["schemas"]["Money"][];
            customer: string;
            frozen: components["schemas"]["Money"][];
            livemode?: boolean;
        };
        CustomerErasure: {
            /** Format: date-time */
            created_at: string;
            customer: string;
            /** @description records blanked, by kind (orders, subscriptions, checkout_sessions, emails, refund_requests, payments, integration_logs, refunds, timeline_entries, risk_assessments, webhook_attempts, events, api_request_logs, idempotent_responses, notes, audit_entries, risk_counters) */
            erased: {
                [key: string]: number;
            };
            id: string;
            livemode: boolean;
            /** @constant */
            object: "customer_erasure";
        };
        CustomerExport: {
            /** @description as their events carry them: no url or client_secret */
            checkout_sessions: components["schemas"]["CheckoutSessionEventObject"][];
            customer: string;
            emails: {
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                created: string;
                /** @enum {unknown} */
                kind: "receipt" | "payment_failed" | "trial_ending" | "canceled" | "paused";
                order?: string;
                /** @description why it was not sent */
                reason?: string | null;
                recipient: string;
                /** Format: date-time */
                sent_at?: string | null;
                /** @description pending, sending, sent, failed, skipped, or withheld (test mode: not sent to an address outside the merchant's team) */
                status: string;
                subscription?: string;
            }[];
            /** @description by mode (live, test) */
            entitlements: {
                [key: string]: components["schemas"]["Entitlements"];
            };
            erasures: components["schemas"]["CustomerErasure"][];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            generated_at: string;
            livemode: boolean;
            modes: ("live" | "test")[];
            /** @constant */
            object: "customer_export";
            orders: components["schemas"]["Order"][];
            refund_requests: {
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                created: string;
                device?: string | null;
                id: string;
                ip?: string | null;
                order: string;
                reason: string;
                status: string;
            }[];
            subscriptions: components["schemas"]["Subscription"][];
            /** @description sent or received */
            transfers: components["schemas"]["Transfer"][];
            /** @description by mode */
            wallet: {
                [key: string]: components["schemas"]["CustomerBalance"];
            };
            withdrawals: components["schemas"]["Withdrawal"][];
        };
        Deleted: {
            /** @constant */
            deleted: true;
            id: string;
            object?: string;
        };
        Discount: {
            amount: number;
            coupon: string;
            description: string;
        };
        Discrepancy: {
            channel?: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            /** @description the provider line's currency (Kassa's record's when no line lists it); each side's own is in kassa.currency and provider.currency */
            currency?: string;
            /** Format: date */
            date?: string;
            id: string;
            kassa: {
                amount: number | null;
                /** @description the currency that side booked the amount in; null when it has no amount */
                currency?: string | null;
                /** @description the channel's fee on the line as the statement writes it (kept on a capture, negative when given back on a refund or a dispute's withdrawal, positive on a won dispute's reversal); null unless both sides call the line succeeded */
                fee?: number | null;
                status: string | null;
            };
            /** @description the attempt, refund, payout, dispute or order it concerns (the disputed payment, for a dispute Kassa has no record of) */
            kassa_object?: string | null;
            /** @enum {unknown} */
            kind: "missing_in_kassa" | "missing_at_provider" | "amount_mismatch" | "status_mismatch" | "duplicate";
            /** @enum {unknown} */
            line_type: "capture" | "refund" | "payout" | "dispute" | "dispute_fee" | "dispute_reversal";
            /** @constant */
            object?: "discrepancy";
            provider: {
                amount: number | null;
                /** @description the currency that side booked the amount in; null when it has no amount */
                currency?: string | null;
                /** @description the channel's fee on the line as the statement writes it (kept on a capture, negative when given back on a refund or a dispute's withdrawal, positive on a won dispute's reversal); null unless both sides call the line succeeded */
                fee?: number | null;
                status: string | null;
            };
            provider_id?: string | null;
            /** @description what the line (or Kassa's record) is called: the reference Kassa sent, or the provider's dispute id on a dispute's lines */
            reference: string;
            /** @enum {unknown} */
            resolution?: null | "auto" | "corrected" | "accepted" | "written_off";
            resolution_note?: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            resolved_at?: string | null;
            resolved_by?: string | null;
            /** @description the run that first found it */
            run?: string;
            /** @enum {unknown} */
            status: "open" | "resolved";
        };
        DiscrepancyList: {
            data: components["schemas"]["Discrepancy"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        Dispute: {
            /** @description what the shopper's bank took back (minor units) */
            amount: number;
            channel?: string;
            /** Format: date-time */
            closed_at?: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            currency: string;
            /** @description what the merchant sent the provider (null in the events a publishable key reads) */
            evidence?: string | null;
            /**
             * Format: date-time
             * @description evidence is taken until then, while the status is needs_response
             */
            evidence_due_by?: string | null;
            /** @description the channel's dispute fee, kept whatever the outcome */
            fee?: number;
            id: string;
            livemode?: boolean;
            /** @constant */
            object?: "dispute";
            order: string;
            payment: string;
            reason?: string;
            /** @enum {unknown} */
            status: "needs_response" | "under_review" | "won" | "lost";
        };
        DisputeEventObject: {
            /** @description what the shopper's bank took back (minor units) */
            amount: number;
            channel: string;
            /** Format: date-time */
            closed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            currency: string;
            /** @description what the merchant sent the provider (null in the events a publishable key reads) */
            evidence: string | null;
            /**
             * Format: date-time
             * @description evidence is taken until then, while the status is needs_response
             */
            evidence_due_by: string | null;
            /** @description the channel's dispute fee, kept whatever the outcome */
            fee: number;
            id: string;
            livemode: boolean;
            /** @constant */
            object: "dispute";
            order: string;
            payment: string;
            reason: string;
            /** @enum {unknown} */
            status: "needs_response" | "under_review" | "won" | "lost";
        };
        DisputeEvidenceInput: {
            text: string;
        };
        DisputeList: {
            data: components["schemas"]["Dispute"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        Entitlements: {
            credits: number;
            customer: string;
            grants: {
                credits?: number | null;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                granted_at: string;
                /** @enum {unknown} */
                kind: "membership" | "credits";
                membership_days?: number | null;
                /** Format: date-time */
                membership_until?: string | null;
                order: string;
                /** @description what a full refund of the order took back (what the customer still held) */
                taken_back?: null | {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    at: string;
                    credits: number;
                    membership_days: number;
                };
            }[];
            livemode?: boolean;
            membership: null | {
                active: boolean;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                until: string;
            };
            /** @constant */
            object?: "entitlements";
        };
        Error: {
            error: {
                code: string;
                message: string;
                param?: string;
                /** @description the X-Request-Id of this response */
                request_id: string;
                /** @enum {unknown} */
                type: "invalid_request_error" | "authentication_error" | "permission_error" | "rate_limit_error" | "risk_error" | "channel_error" | "api_error";
            };
        };
        Event: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            data: {
                /** @description carries livemode too */
                object: Record<string, unknown>;
            };
            id: string;
            livemode: boolean;
            /** @constant */
            object: "event";
            /** @description the request that created the order (or caused the event) */
            request_id?: string | null;
            /**
             * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
             * @constant
             */
            test_webhook?: true;
            type: string;
        };
        EventList: {
            data: components["schemas"]["Event"][];
            has_more: boolean;
        };
        Health: {
            /** @description per channel, in words: available or suspended, why, and until when (null: until someone ends it) */
            channel_health?: {
                [key: string]: {
                    reason: string | null;
                    /** @enum {unknown} */
                    status: "available" | "suspended" | "unknown";
                    /** Format: date-time */
                    until: string | null;
                };
            };
            /** @description raw circuit breaker state per channel, for monitors: closed, open or half_open (channel_health says the same in words) */
            channels?: {
                [key: string]: string;
            };
            checks: {
                database: string;
                redis: string;
            };
            /** @enum {unknown} */
            status: "ok" | "degraded";
        };
        ItemInput: {
            quantity: number;
            sku: string;
        };
        Money: {
            amount: number;
            currency: string;
        };
        NextAction: {
            /** @constant */
            type: "redirect";
            /** Format: uri */
            url: string;
        } | {
            /**
             * Format: date-time
             * @description when the code stops being payable; the waiting payment is then failed and the order reopened for another try
             */
            expires_at?: string;
            image: string;
            /** @constant */
            type: "qr";
            url: string;
        } | {
            /** @constant */
            type: "none";
        };
        Order: {
            amount: {
                currency: string;
                discount: number;
                subtotal: number;
                total: number;
            };
            available_channels: {
                code: string;
                icon: string;
                name: string;
            }[];
            /** @description the checkout session the order was made through */
            checkout_session?: string | null;
            client_secret: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: {
                email?: string | null;
                id: string;
                /**
                 * @description how the customer was established; only secret_key and checkout_session (verified) may use the customer's wallet. A publishable_key customer's id is pk:<the id sent>, a customer apart from the merchant's customer of that name
                 * @enum {unknown}
                 */
                source?: "secret_key" | "checkout_session" | "publishable_key" | "guest";
                verified?: boolean;
            };
            discounts?: components["schemas"]["Discount"][];
            /** @description chargebacks of the order's payment; an open or lost one's amount can no longer be refunded */
            disputes?: {
                amount: number;
                id: string;
                /** @enum {unknown} */
                status: "needs_response" | "under_review" | "won" | "lost";
            }[];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items: {
                amount: number;
                name?: string;
                product?: string;
                quantity: number;
                sku: string;
                unit_amount: number;
            }[];
            /** @enum {unknown} */
            kind?: "purchase" | "topup";
            /** @description false for orders made with test keys (or a test-mode page) */
            livemode?: boolean;
            metadata?: Record<string, unknown>;
            /** @constant */
            object?: "order";
            payments: components["schemas"]["Payment"][];
            refunded_amount: number;
            refunds?: components["schemas"]["Refund"][];
            risk?: components["schemas"]["RiskAssessment"];
            /** @enum {unknown} */
            status: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
            /** @description only for orders whose lines clear to different partners (or products) */
            sub_orders?: {
                amount: {
                    currency: string;
                    discount: number;
                    subtotal: number;
                    total: number;
                };
                id: string;
                items: Record<string, unknown>[];
                /** @constant */
                object?: "sub_order";
                partner: string;
                /** @description set when the merchant splits by product */
                product?: string | null;
            }[];
            timeline: {
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                at: string;
                /** @description Kassa's note for the merchant (secret key), which may quote the merchant's own words; for a publishable key a neutral sentence per kind of entry */
                reason: string;
                status: string;
            }[];
        };
        OrderEventObject: {
            amount: {
                currency: string;
                discount: number;
                subtotal: number;
                total: number;
            };
            /** @description the checkout session the order was made through */
            checkout_session: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: {
                email?: string | null;
                id: string;
                /**
                 * @description how the customer was established; only secret_key and checkout_session (verified) may use the customer's wallet. A publishable_key customer's id is pk:<the id sent>, a customer apart from the merchant's customer of that name
                 * @enum {unknown}
                 */
                source?: "secret_key" | "checkout_session" | "publishable_key" | "guest";
                verified?: boolean;
            };
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items: {
                amount: number;
                name?: string;
                product?: string;
                quantity: number;
                sku: string;
                unit_amount: number;
            }[];
            /** @enum {unknown} */
            kind: "purchase" | "topup";
            livemode: boolean;
            metadata: Record<string, unknown>;
            /** @constant */
            object: "order";
            refunded_amount: number;
            risk: components["schemas"]["RiskAssessment"];
            /** @enum {unknown} */
            status: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
        };
        OrderFulfilmentFailedEventObject: {
            amount: {
                currency: string;
                discount: number;
                subtotal: number;
                total: number;
            };
            /** @description the checkout session the order was made through */
            checkout_session: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: {
                email?: string | null;
                id: string;
                /**
                 * @description how the customer was established; only secret_key and checkout_session (verified) may use the customer's wallet. A publishable_key customer's id is pk:<the id sent>, a customer apart from the merchant's customer of that name
                 * @enum {unknown}
                 */
                source?: "secret_key" | "checkout_session" | "publishable_key" | "guest";
                verified?: boolean;
            };
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items: {
                amount: number;
                name?: string;
                product?: string;
                quantity: number;
                sku: string;
                unit_amount: number;
            }[];
            /** @enum {unknown} */
            kind: "purchase" | "topup";
            livemode: boolean;
            metadata: Record<string, unknown>;
            /** @constant */
            object: "order";
            reason: string;
            refunded_amount: number;
            risk: components["schemas"]["RiskAssessment"];
            /** @enum {unknown} */
            status: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
        };
        OrderInput: {
            /** @constant */
            agreement_accepted: true;
            /** @description the client_secret of an open checkout session: the order is for its customer */
            checkout_session?: string;
            coupon?: string;
            /** @description price every item from its price in this currency (lowercase ISO 4217, e.g. eur); each item must have one, else 400 currency_unavailable (param currency) naming the item and the currencies it is sold in. Left out: the items' default prices; with a checkout session that fixes its currency, leave it out or give that one */
            currency?: string;
            /** @description secret key: the customer. Publishable key: only the merchant's reference for an unverified customer (never their wallet), at most 197 characters, kept as pk:<id>, apart from the customer of that name; leave it out to check out as a guest */
            customer?: {
                /** @description where the receipt is emailed once the order is paid */
                email?: string;
                id: string;
            };
            /** @description required, except with a checkout session that fixes the items */
            items?: components["schemas"]["ItemInput"][];
            metadata?: Record<string, unknown>;
        };
        OrderList: {
            data: components["schemas"]["Order"][];
            has_more: boolean;
        };
        OrderStatusEvent: {
            order: string;
            payment: {
                channel?: string;
                failure_reason?: string | null;
                id?: string;
                status?: string;
            } | null;
            status: string;
        };
        Partner: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            /** @enum {unknown} */
            cycle: "daily" | "weekly" | "monthly";
            /** @description self for the merchant itself */
            id: string;
            name: string;
            /** @constant */
            object?: "partner";
            /** @description the key's mode's: under a test key the test account, which only test settlements pay to */
            payout_account: string | null;
            reserve_bps?: number;
            reserve_days?: number;
            self?: boolean;
        };
        PartnerInput: {
            /** @enum {unknown} */
            cycle?: "daily" | "weekly" | "monthly";
            name: string;
            /** @description where the key's mode's payouts go at the provider (a test key sets the test account, never the live one): 4-100 letters, digits, spaces or _ . - / : */
            payout_account?: string | null;
            /** @description rolling reserve of the key's mode: share of each settlement's new takings held back (a released reserve is paid out whole) */
            reserve_bps?: number;
            reserve_days?: number;
        };
        PartnerList: {
            data: components["schemas"]["Partner"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        PartnerPatch: {
            /** @enum {unknown} */
            cycle?: "daily" | "weekly" | "monthly";
            name?: string;
            /** @description where the key's mode's payouts go at the provider (a test key sets the test account, never the live one): 4-100 letters, digits, spaces or _ . - / : */
            payout_account?: string | null;
            /** @description rolling reserve of the key's mode: share of each settlement's new takings held back (a released reserve is paid out whole) */
            reserve_bps?: number;
            reserve_days?: number;
        };
        PayInput: {
            /** @description required unless the order costs nothing (total 0, no subscription): such an order needs no channel, and one named for it is not used */
            channel?: string | null;
            /** @description required with a publishable key */
            client_secret?: string;
            /**
             * Format: uri
             * @description the merchant's page the shopper comes back to after a redirect channel, through Kassa, which adds kassa_order, kassa_client_secret and redirect_status (succeeded, failed or processing: a hint; read the order for the outcome); with a live publishable key, a page of the merchant's allowed origins. Default: Kassa's order page
             */
            return_url?: string;
        };
        PayResponse: {
            /** @description only with payment null: nothing for the client to follow */
            next_action?: {
                /** @constant */
                type: "none";
            };
            /** @description only with payment null: the order, paid */
            order?: components["schemas"]["Order"];
            /** @description null when the order costs nothing (a one-off order whose total is 0): it is completed without a payment, and is paid already */
            payment: components["schemas"]["PaymentWithAction"] | null;
        };
        Payment: {
            amount: number;
            /** @description the provider's fingerprint of the card that paid, when known */
            card_fingerprint?: string | null;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            currency?: string;
            failure_reason?: string | null;
            id: string;
            /** @constant */
            object?: "payment";
            order?: string;
            provider_reference: string | null;
            /** @enum {unknown} */
            status: "pending" | "succeeded" | "failed" | "unknown" | "canceled";
        };
        PaymentEventObject: {
            amount: number;
            /** @description the provider's fingerprint of the card that paid, when known */
            card_fingerprint: string | null;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            currency: string;
            failure_reason: string | null;
            id: string;
            livemode: boolean;
            /** @constant */
            object: "payment";
            order: string;
            provider_reference: string | null;
            /** @enum {unknown} */
            status: "pending" | "succeeded" | "failed" | "unknown" | "canceled";
        };
        PaymentWithAction: components["schemas"]["Payment"] & {
            next_action: components["schemas"]["NextAction"];
        };
        Payout: {
            amount: number;
            channel?: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            currency: string;
            destination?: string | null;
            failure_reason?: string | null;
            id: string;
            /** @constant */
            object?: "payout";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            paid_at?: string | null;
            provider_reference?: string | null;
            /** @enum {unknown} */
            status: "pending" | "unknown" | "paid" | "failed";
            tries?: number;
        };
        Product: {
            attributes: Record<string, unknown>;
            /** Format: uri */
            checkout_url: string;
            description: string;
            id: string;
            images: string[];
            name: string;
            skus: components["schemas"]["Sku"][];
            /** @enum {unknown} */
            status?: "draft" | "active" | "archived";
        };
        ProductInput: {
            attributes?: Record<string, unknown>;
            clearing?: null | {
                /** @description days after clearing before the shares may be settled */
                hold_days?: number;
                /** @description shares add up to 10000 */
                splits: {
                    /** @description a partner id, or self */
                    partner: string;
                    share_bps: number;
                }[];
            };
            description?: string;
            name: string;
            skus?: components["schemas"]["SkuInput"][];
            /** @enum {unknown} */
            status?: "draft" | "active" | "archived";
        };
        ProductList: {
            data: components["schemas"]["Product"][];
            has_more: boolean;
        };
        ProductPatch: {
            attributes?: Record<string, unknown>;
            clearing?: null | {
                /** @description days after clearing before the shares may be settled */
                hold_days?: number;
                /** @description shares add up to 10000 */
                splits: {
                    /** @description a partner id, or self */
                    partner: string;
                    share_bps: number;
                }[];
            };
            description?: string;
            name?: string;
            /** @enum {unknown} */
            status?: "draft" | "active" | "archived";
        };
        Quote: {
            currency: string;
            discount: number;
            discounts?: components["schemas"]["Discount"][];
            lines: components["schemas"]["QuoteLine"][];
            subtotal: number;
            total: number;
        };
        QuoteInput: {
            coupon?: string;
            /** @description price every item from its price in this currency (lowercase ISO 4217, e.g. eur); each item must have one, else 400 currency_unavailable (param currency) naming the item and the currencies it is sold in. Left out: the items' default prices */
            currency?: string;
            items: components["schemas"]["ItemInput"][];
        };
        QuoteLine: {
            amount: number;
            name?: string;
            quantity: number;
            sku: string;
            /** @description the SKU's price in the quote's currency */
            unit_amount: number;
        };
        ReconciliationRun: {
            /** @description settled by asking the provider */
            auto_resolved?: number;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            /** Format: date */
            date: string;
            discrepancies: {
                amount_mismatch: number;
                duplicate: number;
                missing_at_provider: number;
                missing_in_kassa: number;
                status_mismatch: number;
            };
            failure_reason?: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            finished_at?: string | null;
            id: string;
            /** @description statement lines that are this merchant's */
            lines?: number;
            matched: number;
            /** @constant */
            object?: "reconciliation_run";
            /** @enum {unknown} */
            status: "running" | "done" | "failed";
        };
        ReconciliationRunInput: {
            /** @description a channel that publishes statements, e.g. sandbox_card */
            channel: string;
            /**
             * Format: date
             * @description the UTC day to reconcile, not in the future
             */
            date: string;
        };
        ReconciliationRunList: {
            data: components["schemas"]["ReconciliationRun"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        Refund: {
            amount: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            currency: string;
            /** @description null for a publishable key */
            failure_reason?: string | null;
            id: string;
            /** @constant */
            object?: "refund";
            order?: string;
            payment?: string;
            /** @description null for a publishable key (the merchant's words) */
            reason?: string | null;
            /** @description the customer's refund-abuse score when the refund was asked for (recorded, never refusing the merchant's refund); null for a publishable key */
            risk?: null | {
                reasons: string[];
                score: number;
            };
            /** @enum {unknown} */
            status: "pending" | "succeeded" | "failed";
        };
        RefundEventObject: {
            amount: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            currency: string;
            /** @description null for a publishable key */
            failure_reason: string | null;
            id: string;
            livemode: boolean;
            /** @constant */
            object: "refund";
            order: string;
            payment: string;
            /** @description null for a publishable key (the merchant's words) */
            reason: string | null;
            /** @description the customer's refund-abuse score when the refund was asked for (recorded, never refusing the merchant's refund); null for a publishable key */
            risk: null | {
                reasons: string[];
                score: number;
            };
            /** @enum {unknown} */
            status: "pending" | "succeeded" | "failed";
        };
        RefundInput: {
            /** @description minor units; default: all that remains */
            amount?: number;
            reason?: string;
        };
        RefundRequestCreated: {
            refund_request: {
                id: string;
                /** @constant */
                object?: "refund_request";
                /** @description why it scored so (secret key); empty for a publishable key, the shopper's browser: they name the signals a fraud ring would change */
                reasons: string[];
                refund: string | null;
                /** @description the abuse score (secret key); null for a publishable key: against the status it would tell the merchant's refund_abuse cut-offs */
                score: number | null;
                /** @enum {unknown} */
                status: "approved" | "review" | "denied";
            };
        };
        RefundRequestInput: {
            /** @description with a publishable key */
            client_secret?: string;
            reason: string;
        };
        RefundResponse: {
            refund: components["schemas"]["Refund"];
        };
        ReviewDecision: {
            /** @enum {unknown} */
            decision: "approve" | "reject";
        };
        RiskAssessment: {
            /** @enum {unknown} */
            decision: "allow" | "review" | "block";
            /** @description why, in the merchant's words (its rules, its list entries' notes): read with the secret key; empty for a publishable key, the shopper's browser */
            reasons: string[];
            review?: {
                at: number;
                /** @description who decided (api, system:review-expiry, a portal user's email); "merchant" for a publishable key */
                by: string;
                /** @enum {unknown} */
                decision: "approve" | "reject";
            };
            score: number;
        };
        RiskEventObject: {
            /** @description who decided; "merchant" in the events a publishable key reads */
            by?: string;
            /** @enum {unknown} */
            decision: "allow" | "review" | "block" | "approve" | "reject";
            /** @description the order */
            id: string;
            /** @constant */
            object: "order";
            reasons?: string[];
            score?: number;
        };
        RiskImportReport: {
            errors: {
                line: number;
                message: string;
            }[];
            imported: number;
            skipped: number;
        };
        RiskListEntry: {
            /** @enum {unknown} */
            action: "block" | "allow" | "review";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string | null;
            id: string;
            /** @enum {unknown} */
            kind: "customer" | "email" | "email_domain" | "ip" | "device" | "card_fingerprint";
            /** @description the mode the entry or rule belongs to: each mode has its own lists and rules, which only its keys read and change, and only its orders are assessed by */
            livemode: boolean;
            note: string | null;
            /** @constant */
            object?: "risk_list_entry";
            value: string;
        };
        RiskListEntryInput: {
            /** @enum {unknown} */
            action: "block" | "allow" | "review";
            /**
             * @description ISO 8601 or unix seconds, in the future
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            expires_at?: string | number;
            /** @enum {unknown} */
            kind: "customer" | "email" | "email_domain" | "ip" | "device" | "card_fingerprint";
            note?: string;
            /** @description ip accepts an address or a CIDR range */
            value: string;
        };
        RiskListEntryList: {
            data: components["schemas"]["RiskListEntry"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        RiskRule: {
            /** @enum {unknown} */
            action: "block" | "review";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            enabled: boolean;
            id: string;
            kind: string;
            /** @description the mode the entry or rule belongs to: each mode has its own lists and rules, which only its keys read and change, and only its orders are assessed by */
            livemode: boolean;
            /** @constant */
            object?: "risk_rule";
            params: Record<string, unknown>;
        };
        RiskRuleInput: {
            /** @enum {unknown} */
            action: "block" | "review";
            /** @enum {unknown} */
            kind: "velocity" | "amount_limit" | "first_purchase_limit" | "refund_abuse" | "currency_country_mismatch";
            /** @description velocity: {by: customer|email|ip|device, window_seconds, max_count or max_amount with currency?}; amount_limit: {max_amount, currency?}; first_purchase_limit: {max_amount, currency?} (max_amount: minor units; with currency the rule applies to orders in it only, without it the same number in every currency); refund_abuse: {approve_below, deny_from} (scores 0-100 of shopper refund requests); currency_country_mismatch: {currencies: {usd: [US, CA], …}} (the shopper's country from TRUSTED_COUNTRY_HEADER); velocity (by customer) and amount_limit take applies_to: orders (default) or withdrawals (wallet withdrawals instead of orders) */
            params: Record<string, unknown>;
        };
        RiskRuleList: {
            data: components["schemas"]["RiskRule"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        RiskRulePreview: {
            /** @enum {unknown} */
            action: "block" | "review";
            /** @description up to 20 order ids */
            examples: string[];
            /** @constant */
            object?: "risk_rule_preview";
            orders: number;
            since_days?: number;
            would_flag: number;
        };
        RiskRuleUpdate: {
            /** @enum {unknown} */
            action?: "block" | "review";
            enabled?: boolean;
            params?: Record<string, unknown>;
        };
        Settlement: {
            /** @description reserves released and other adjustments (signed) */
            adjustments?: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            currency: string;
            /** @description channel and platform fees borne (positive) */
            fees: number;
            /** @description the partner's shares */
            gross: number;
            id: string;
            line_count?: number;
            livemode?: boolean;
            /** @description gross - fees - refunds + adjustments */
            net: number;
            /** @constant */
            object?: "settlement";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            paid_at?: string | null;
            partner: string;
            payout: null | components["schemas"]["Payout"];
            /** @description net less the reserve held back */
            payout_amount?: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            period_end: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            period_start: string | null;
            /** @description shares given back on refunds (positive) */
            refunds: number;
            reserve_held?: number;
            /** @enum {unknown} */
            status: "pending" | "paying" | "paid" | "failed";
        };
        SettlementLine: {
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            available_at?: string | null;
            /** @description the ledger's own kind, e.g. reserve or reserve_release */
            detail?: string;
            /**
             * Format: int64
             * @description the posting's: a partner's gross share of an order line and the fee it bears share one and always come on the same page
             */
            id?: number;
            /** @enum {unknown} */
            kind: "share" | "fee" | "refund" | "adjustment";
            order: string | null;
            sku: string | null;
            sub_order: string | null;
        };
        SettlementLineList: {
            data: components["schemas"]["SettlementLine"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        SettlementList: {
            data: components["schemas"]["Settlement"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        SettlementPaidEventObject: {
            /** @description reserves released and other adjustments (signed) */
            adjustments?: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            currency: string;
            /** @description channel and platform fees borne (positive) */
            fees: number;
            /** @description the partner's shares */
            gross: number;
            id: string;
            line_count?: number;
            livemode?: boolean;
            /** @description gross - fees - refunds + adjustments */
            net: number;
            /** @constant */
            object?: "settlement";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            paid_at?: string | null;
            partner: string;
            payout: components["schemas"]["Payout"];
            /** @description net less the reserve held back */
            payout_amount?: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            period_end: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            period_start: string | null;
            /** @description shares given back on refunds (positive) */
            refunds: number;
            reserve_held?: number;
            /** @enum {unknown} */
            status: "pending" | "paying" | "paid" | "failed";
        };
        SettlementRun: {
            /** @constant */
            object?: "settlement_run";
            settlements: string[];
        };
        SettlementRunInput: {
            /**
             * @description unix seconds or ISO 8601, at most 730 days from now: settle lines available before this instead of each partner's cycle
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            until?: string | number;
        };
        Sku: {
            clearing?: null | {
                /** @description days after clearing before the shares may be settled */
                hold_days?: number;
                /** @description shares add up to 10000 */
                splits: {
                    /** @description a partner id, or self */
                    partner: string;
                    share_bps: number;
                }[];
            };
            /** @description membership_days or credits (one grant per order item, so not both), and/or webhook_url */
            fulfilment?: {
                credits?: number;
                membership_days?: number;
                /** Format: uri */
                webhook_url?: string;
            } | null;
            id: string;
            name: string;
            price: components["schemas"]["Money"];
            prices?: components["schemas"]["Money"][];
            product?: string;
            purchase_limit?: number | null;
            specs: Record<string, unknown>;
            /** @enum {unknown} */
            status?: "draft" | "active" | "archived";
            stock: number | null;
            subscription: null | {
                /** @enum {unknown} */
                interval: "day" | "week" | "month" | "year";
                interval_count: number;
                /** @description days a new contract runs free: the shopper signs the mandate with nothing charged, and the first period is charged when the trial ends (0 or left out: no trial; shown only when set); a customer has a product's trial once */
                trial_days?: number;
            };
        };
        SkuInput: {
            clearing?: null | {
                /** @description days after clearing before the shares may be settled */
                hold_days?: number;
                /** @description shares add up to 10000 */
                splits: {
                    /** @description a partner id, or self */
                    partner: string;
                    share_bps: number;
                }[];
            };
            /** @description membership_days or credits (one grant per order item, so not both), and/or webhook_url */
            fulfilment?: {
                credits?: number;
                membership_days?: number;
                /** Format: uri */
                webhook_url?: string;
            } | null;
            name: string;
            price: components["schemas"]["Money"];
            /** @description one per currency */
            prices?: components["schemas"]["Money"][];
            /** @description units per customer */
            purchase_limit?: number | null;
            specs?: Record<string, unknown>;
            /** @enum {unknown} */
            status?: "draft" | "active" | "archived";
            stock?: number | null;
            subscription?: null | {
                /** @enum {unknown} */
                interval: "day" | "week" | "month" | "year";
                interval_count: number;
                /** @description days a new contract runs free: the shopper signs the mandate with nothing charged, and the first period is charged when the trial ends (0 or left out: no trial; shown only when set); a customer has a product's trial once */
                trial_days?: number;
            };
        };
        SkuPatch: {
            clearing?: null | {
                /** @description days after clearing before the shares may be settled */
                hold_days?: number;
                /** @description shares add up to 10000 */
                splits: {
                    /** @description a partner id, or self */
                    partner: string;
                    share_bps: number;
                }[];
            };
            /** @description membership_days or credits (one grant per order item, so not both), and/or webhook_url */
            fulfilment?: {
                credits?: number;
                membership_days?: number;
                /** Format: uri */
                webhook_url?: string;
            } | null;
            name?: string;
            price?: components["schemas"]["Money"];
            /** @description one per currency */
            prices?: components["schemas"]["Money"][];
            /** @description units per customer */
            purchase_limit?: number | null;
            specs?: Record<string, unknown>;
            /** @enum {unknown} */
            status?: "draft" | "active" | "archived";
            stock?: number | null;
            subscription?: null | {
                /** @enum {unknown} */
                interval: "day" | "week" | "month" | "year";
                interval_count: number;
                /** @description days a new contract runs free: the shopper signs the mandate with nothing charged, and the first period is charged when the trial ends (0 or left out: no trial; shown only when set); a customer has a product's trial once */
                trial_days?: number;
            };
        };
        Subscription: {
            cancel_at_period_end: boolean;
            /**
             * @description why it ends with its period (null while it renews): requested, the customer or the merchant asked (nothing revives it); mandate_revoked, the card's authorisation was withdrawn at the provider, and a new card the customer signs on their billing page renews it again
             * @enum {string|null}
             */
            cancel_reason?: "requested" | "mandate_revoked" | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            canceled_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            current_period_end: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            current_period_start: string | null;
            customer: {
                email?: string | null;
                id: string;
            };
            /** @description what the contract reconciliation found (fixed ones Kassa repaired) */
            findings?: {
                detail: string;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                fixed_at?: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                found_at?: string;
                kind: string;
                period: number;
                /** @enum {unknown} */
                status: "open" | "fixed";
            }[];
            id: string;
            /** @enum {unknown} */
            interval: "day" | "week" | "month" | "year";
            interval_count: number;
            latest_order: string | null;
            livemode?: boolean;
            mandate: null | {
                channel: string;
                reference: string | null;
                /**
                 * @description revoked: the shopper withdrew it at the provider; canceled: it ended with the subscription (canceled or expired), and Kassa canceled it at the provider
                 * @enum {unknown}
                 */
                status: "active" | "revoked" | "canceled";
            };
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            next_renewal_at: string | null;
            /** @description the SKU that takes over at the next renewal */
            next_sku?: string | null;
            /** @constant */
            object?: "subscription";
            /** @description the current period; 0 before the first paid one (unsigned, or in its free trial) */
            period?: number;
            price: components["schemas"]["Money"];
            renewals: {
                attempts: number;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                due_at?: string | null;
                last_error?: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                next_attempt_at?: string | null;
                order: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                paid_at?: string | null;
                period: number;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                period_end?: string;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                period_start?: string;
                /** @enum {unknown} */
                status: "pending" | "paid" | "failed" | "canceled" | "skipped";
            }[];
            sku: string;
            /** @enum {unknown} */
            status: "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";
            test_clock?: string | null;
            timeline?: {
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                at: string;
                reason: string;
                status: string;
            }[];
            /** @description the free trial the contract was signed with (0: none): it is trialing for period 0, from the signing to the trial's end, with nothing charged; period 1, the first charged, starts then. 0 also when the SKU has a trial the customer has had: a customer (id, merchant, mode) who signed a contract on the product before has no trial again */
            trial_days?: number;
        };
        SubscriptionCancel: {
            at_period_end?: boolean;
        };
        SubscriptionCreated: {
            order: components["schemas"]["Order"];
            subscription: components["schemas"]["Subscription"];
        };
        SubscriptionEventObject: {
            cancel_at_period_end: boolean;
            /**
             * @description why it ends with its period (null while it renews): requested, the customer or the merchant asked (nothing revives it); mandate_revoked, the card's authorisation was withdrawn at the provider, and a new card the customer signs on their billing page renews it again
             * @enum {string|null}
             */
            cancel_reason: "requested" | "mandate_revoked" | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            canceled_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            current_period_end: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            current_period_start: string | null;
            customer: {
                email?: string | null;
                id: string;
            };
            id: string;
            /** @enum {unknown} */
            interval: "day" | "week" | "month" | "year";
            interval_count: number;
            latest_order: string | null;
            livemode: boolean;
            mandate: null | {
                channel: string;
                reference: string | null;
                /**
                 * @description revoked: the shopper withdrew it at the provider; canceled: it ended with the subscription (canceled or expired), and Kassa canceled it at the provider
                 * @enum {unknown}
                 */
                status: "active" | "revoked" | "canceled";
            };
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            next_renewal_at: string | null;
            /** @description the SKU that takes over at the next renewal */
            next_sku: string | null;
            /** @constant */
            object: "subscription";
            /** @description the current period; 0 before the first paid one (unsigned, or in its free trial) */
            period: number;
            price: components["schemas"]["Money"];
            renewal?: {
                attempts?: number;
                last_error?: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                next_attempt_at?: string | null;
                order?: string | null;
                period: number;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                period_end?: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-27T15:07:48Z
                 */
                period_start?: string | null;
                status: string;
            };
            sku: string;
            /** @enum {unknown} */
            status: "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";
            test_clock: string | null;
            /** @description the free trial the contract was signed with (0: none): it is trialing for period 0, from the signing to the trial's end, with nothing charged; period 1, the first charged, starts then. 0 also when the SKU has a trial the customer has had: a customer (id, merchant, mode) who signed a contract on the product before has no trial again */
            trial_days: number;
        };
        SubscriptionInput: {
            /** @constant */
            agreement_accepted: true;
            /** @description a coupon code: it discounts the first order only; every renewal charges the SKU's price */
            coupon?: string;
            /** @description price every item from its price in this currency (lowercase ISO 4217, e.g. eur); each item must have one, else 400 currency_unavailable (param currency) naming the item and the currencies it is sold in. Left out: the items' default prices; the contract charges its first order and every renewal in it */
            currency?: string;
            customer: {
                email?: string;
                id: string;
            };
            /** @description a SKU with subscription terms */
            sku: string;
            /** @description test keys only: the contract lives on this clock */
            test_clock?: string;
        };
        SubscriptionList: {
            data: components["schemas"]["Subscription"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        SubscriptionRenewalUpcomingEventObject: {
            cancel_at_period_end: boolean;
            /**
             * @description why it ends with its period (null while it renews): requested, the customer or the merchant asked (nothing revives it); mandate_revoked, the card's authorisation was withdrawn at the provider, and a new card the customer signs on their billing page renews it again
             * @enum {string|null}
             */
            cancel_reason: "requested" | "mandate_revoked" | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            canceled_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            current_period_end: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            current_period_start: string | null;
            customer: {
                email?: string | null;
                id: string;
            };
            id: string;
            /** @enum {unknown} */
            interval: "day" | "week" | "month" | "year";
            interval_count: number;
            latest_order: string | null;
            livemode: boolean;
            mandate: null | {
                channel: string;
                reference: string | null;
                /**
                 * @description revoked: the shopper withdrew it at the provider; canceled: it ended with the subscription (canceled or expired), and Kassa canceled it at the provider
                 * @enum {unknown}
                 */
                status: "active" | "revoked" | "canceled";
            };
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            next_renewal_at: string | null;
            /** @description the SKU that takes over at the next renewal */
            next_sku: string | null;
            /** @constant */
            object: "subscription";
            /** @description the current period; 0 before the first paid one (unsigned, or in its free trial) */
            period: number;
            price: components["schemas"]["Money"];
            renewal: {
                amount: components["schemas"]["Money"];
                /**
                 * Format: date-time
                 * @description when the renewal falls due
                 * @example 2026-11-27T15:07:48Z
                 */
                at: string;
                period: number;
            };
            sku: string;
            /** @enum {unknown} */
            status: "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";
            test_clock: string | null;
            /** @description the free trial the contract was signed with (0: none): it is trialing for period 0, from the signing to the trial's end, with nothing charged; period 1, the first charged, starts then. 0 also when the SKU has a trial the customer has had: a customer (id, merchant, mode) who signed a contract on the product before has no trial again */
            trial_days: number;
        };
        SubscriptionUpdate: {
            sku: string;
        };
        TestClock: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            frozen_time: string;
            id: string;
            /** @constant */
            object?: "test_clock";
            /** @enum {unknown} */
            status: "ready" | "advancing";
        };
        TestClockAdvance: {
            /**
             * @description ISO 8601 or unix seconds, after frozen_time and at most two years later
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            to: string | number;
        };
        TestClockInput: {
            /**
             * @description ISO 8601 or unix seconds, years 2000 to 2200
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            frozen_time: string | number;
        };
        TestClockList: {
            data: components["schemas"]["TestClock"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        Topup: {
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            customer?: string;
            id: string;
            livemode?: boolean;
            /** @enum {unknown} */
            status: "pending" | "succeeded" | "canceled" | "refunded";
        };
        TopupInput: {
            amount: number;
            channel: string;
            /** @description publishable key only, required: the client_secret of a session for this customer */
            checkout_session?: string;
            currency: string;
        };
        TopupResponse: {
            payment: components["schemas"]["PaymentWithAction"];
            topup: components["schemas"]["Topup"];
        };
        Transfer: {
            amount: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            currency: string;
            description?: string | null;
            from: string;
            id: string;
            livemode?: boolean;
            /** @constant */
            object?: "transfer";
            to: string;
        };
        TransferInput: {
            /** @description minor units */
            amount: number;
            currency: string;
            description?: string;
            /** @description the receiving customer's id (not the sender) */
            to: string;
        };
        TransferResponse: {
            transfer: components["schemas"]["Transfer"];
        };
        WalletMovement: {
            /** @description how much moved (positive) */
            amount: number;
            /** @description the running available balance after this movement */
            available_balance: number;
            available_change: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            currency?: string;
            /** @description the running frozen balance after this movement */
            frozen_balance: number;
            frozen_change: number;
            /** @description the journal entry */
            id: string;
            /** @enum {unknown} */
            kind: "topup" | "payment_try" | "payment_confirm" | "payment_cancel" | "refund" | "topup_refund" | "topup_refund_released" | "withdrawal" | "withdrawal_paid" | "withdrawal_returned" | "transfer_in" | "transfer_out";
            /** @constant */
            object?: "wallet_movement";
            order?: string | null;
            reference: {
                id: string;
                /** @enum {unknown} */
                type: "order" | "refund" | "withdrawal" | "transfer" | "entry";
            };
        };
        WalletStatement: {
            /** @description null when the wallet has no movements yet */
            currency: string | null;
            customer?: string;
            data: components["schemas"]["WalletMovement"][];
            has_more: boolean;
            livemode?: boolean;
            /** @constant */
            object?: "list";
        };
        WebhookDelivery: {
            attempts: number;
            endpoint: string;
            event: string;
            id: string;
            last_status_code?: number | null;
            /** Format: date-time */
            next_attempt_at?: string | null;
            /** @constant */
            object?: "webhook_delivery";
            /** @enum {unknown} */
            status: "pending" | "succeeded" | "failed";
        };
        WebhookEndpoint: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            enabled: boolean;
            events: string[];
            id: string;
            /** @description the mode of the key (or portal view) that made it: it receives only that mode's events, and only keys of that mode see or change it */
            livemode: boolean;
            /** @constant */
            object?: "webhook_endpoint";
            /**
             * Format: date-time
             * @description after a roll, until when the old secret also signs (a second v1 in Kassa-Signature); null when only one secret signs
             */
            previous_secret_expires_at?: string | null;
            /**
             * @description Stripe's name for enabled; a disabled endpoint receives nothing
             * @enum {unknown}
             */
            status?: "enabled" | "disabled";
            /** Format: uri */
            url: string;
        };
        WebhookEndpointCreated: components["schemas"]["WebhookEndpoint"] & {
            secret: string;
        };
        WebhookEndpointDeleted: {
            /** @constant */
            deleted: true;
            id: string;
            /** @constant */
            object?: "webhook_endpoint";
        };
        WebhookEndpointInput: {
            /** @description event types, or ["*"] for every event */
            events: string[];
            /** Format: uri */
            url: string;
        };
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
            has_more: boolean;
        };
        /** @description only what changes */
        WebhookEndpointUpdate: {
            /** @description Stripe's spelling: the opposite of enabled */
            disabled?: boolean;
            /** @description false: no event is queued for it, and its pending deliveries stop */
            enabled?: boolean;
            /** @description event types, or ["*"] for every event */
            events?: string[];
            /** Format: uri */
            url?: string;
        };
        WebhookSecretRoll: {
            /**
             * @description how long the old secret keeps signing beside the new one; 0 retires it at once
             * @default 24
             */
            overlap_hours: number;
        };
        WebhookTest: {
            delivery: components["schemas"]["WebhookDelivery"];
            event: components["schemas"]["Event"] & {
                /** @constant */
                test_webhook: true;
            };
            /** @constant */
            object?: "webhook_test";
        };
        WebhookTestInput: {
            /** @description an event type the endpoint listens to (default: order.paid if it does, else the first it listens to) */
            type?: string;
        };
        Withdrawal: {
            amount: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at?: string;
            currency: string;
            customer?: string;
            destination: string;
            id: string;
            livemode?: boolean;
            /** @constant */
            object?: "withdrawal";
            payout: components["schemas"]["Payout"];
            reviewed_by?: string | null;
            risk?: components["schemas"]["RiskAssessment"];
            /**
             * @description review: held for the merchant's decision; pending: the payout is on its way; paid; failed: the payout failed for good and the money is back in the wallet; canceled: rejected in review, the money is back
             * @enum {unknown}
             */
            status: "review" | "pending" | "paid" | "failed" | "canceled";
        };
        WithdrawalInput: {
            /** @description minor units */
            amount: number;
            currency: string;
            /** @description the customer's payout account at the provider: 4-100 letters, digits, spaces or _ . - / : */
            destination: string;
        };
        WithdrawalList: {
            data: components["schemas"]["Withdrawal"][];
            has_more: boolean;
            /** @constant */
            object?: "list";
        };
        WithdrawalResponse: {
            withdrawal: components["schemas"]["Withdrawal"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "webhook-channel_config.updated": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["ChannelConfigEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "channel_config.updated";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-checkout_session.completed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["CheckoutSessionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "checkout_session.completed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-dispute.closed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["DisputeEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "dispute.closed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-dispute.created": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["DisputeEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "dispute.created";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-dispute.updated": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["DisputeEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "dispute.updated";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.closed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.closed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.completed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.completed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.created": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.created";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.fulfilled": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.fulfilled";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.fulfilment_failed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderFulfilmentFailedEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.fulfilment_failed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.paid": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.paid";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.paying": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.paying";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.refunded": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.refunded";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-order.refunding": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["OrderEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "order.refunding";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-payment.canceled": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["PaymentEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "payment.canceled";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-payment.captured_on_inactive_order": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["PaymentEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "payment.captured_on_inactive_order";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-payment.failed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["PaymentEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "payment.failed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-payment.succeeded": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["PaymentEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "payment.succeeded";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-payout.failed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["Payout"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "payout.failed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-reconciliation.discrepancy": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["Discrepancy"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "reconciliation.discrepancy";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-refund.failed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["RefundEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "refund.failed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-refund.succeeded": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["RefundEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "refund.succeeded";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-risk.blocked": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["RiskEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "risk.blocked";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-risk.review_approved": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["RiskEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "risk.review_approved";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-risk.review_opened": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["RiskEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "risk.review_opened";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-risk.review_rejected": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["RiskEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "risk.review_rejected";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-settlement.created": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["Settlement"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "settlement.created";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-settlement.paid": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SettlementPaidEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "settlement.paid";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.activated": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.activated";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.canceled": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.canceled";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.created": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.created";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.expired": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.expired";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.past_due": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.past_due";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.paused": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.paused";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.renewal_failed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.renewal_failed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.renewal_upcoming": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionRenewalUpcomingEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.renewal_upcoming";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.renewed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.renewed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.resumed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.resumed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-subscription.updated": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["SubscriptionEventObject"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "subscription.updated";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-transfer.created": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["Transfer"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "transfer.created";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-withdrawal.created": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["Withdrawal"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "withdrawal.created";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-withdrawal.failed": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["Withdrawal"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "withdrawal.failed";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook-withdrawal.paid": {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret (see [Receiving webhooks](#tag/Receiving-webhooks)) */
                "Kassa-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-11-27T15:07:48Z
                     */
                    created_at: string;
                    data: {
                        object: components["schemas"]["Withdrawal"];
                    };
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id?: string | null;
                    /**
                     * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
                     * @constant
                     */
                    test_webhook?: true;
                    /** @constant */
                    type: "withdrawal.paid";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer, or none within 10 s, is retried with backoff for 3 days. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
