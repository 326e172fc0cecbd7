// Generated from sdk/openapi.json by build.mjs (openapi-typescript): do not edit. Regenerate: make api-types.
export interface paths {
    "/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's money
         * @description Available (its cleared share, net of fees and refunds, not yet paid out), pending (captured for orders not completed yet, and cleared money on hold), frozen (refunds set aside until the provider confirms them), and what customers hold in wallets.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The merchant's money, read from the ledger, in every currency it holds. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Balance"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/business_lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List business lines, oldest first, archived ones included (secret key; a key scoped to a line: that line) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of BusinessLine objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessLineList"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Add a business line (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BusinessLineInput"];
                };
            };
            responses: {
                /** @description A part of the merchant (a games line, a music line); no line is the merchant's default. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessLine"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route; key_scoped_to_line: a key scoped to one business line may not add or archive lines */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description business_line_exists: the merchant already has a line with this code (archived ones count); idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/business_lines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a business line */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the line's id (bl_…) or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A part of the merchant (a games line, a music line); no line is the merchant's default. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessLine"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: the merchant has no such business line (for a key scoped to a line: another line) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Rename a business line or change its settings: order timeout, auto-confirm, display name (its code stays) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the line's id (bl_…) or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["BusinessLineUpdate"];
                };
            };
            responses: {
                /** @description A part of the merchant (a games line, a music line); no line is the merchant's default. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessLine"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: the merchant has no such business line (for a key scoped to a line: another line) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/business_lines/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a business line: it takes no new orders or products; what it sold stays on it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the line's id (bl_…) or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A part of the merchant (a games line, a music line); no line is the merchant's default. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessLine"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route; key_scoped_to_line: a key scoped to one business line may not add or archive lines */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: the merchant has no such business line (for a key scoped to a line: another line) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/business_lines/{id}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a business line's channels as its shoppers are offered them
         * @description Each channel's enabled and priority in force for orders of the line (its own, else the merchant's), in the order the line's shoppers see them; `inherited` is true where the line sets nothing itself.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the line's id (bl_…) or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every channel, in the order the line's shoppers see them (disabled ones in their place). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LineChannelList"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: the merchant has no such business line (for a key scoped to a line: another line) (or a key scoped to another line) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Set a business line's own channel settings
         * @description For each channel named, the line's own `enabled` and `priority` (null: the merchant's setting again); a field left out, and a channel not named, keep what they have. Orders of the line are offered channels by these settings.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the line's id (bl_…) or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LineChannelsInput"];
                };
            };
            responses: {
                /** @description Every channel, in the order the line's shoppers see them (disabled ones in their place). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LineChannelList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it, e.g. channels[0].priority out of 0 to 10000, channels[1].code naming a channel twice); resource_missing: no channel of that code (param channels[0].code); business_line_archived: the line is archived, its channels cannot change (param id) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: the merchant has no such business line (for a key scoped to a line: another line) (or a key scoped to another line) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns of this key's mode, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Campaign objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Create a campaign that issues personal coupons
         * @description Each time its rule fires for a customer the merchant's server named, while the campaign runs and its budget lasts, that customer gets a single-use coupon with the template's terms in their wallet (GET /customers/{id}/coupons). Each order or subscription earns at most one coupon per campaign; first_order at most one per customer.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CampaignInput"];
                };
            };
            responses: {
                /** @description A campaign and how much of its budget it has spent. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it: ends_at before starts_at, a discount budget on a template without a ceiling, min_amount on a rule other than paid_order) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such template_coupon */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused, idempotency_request_in_progress: see Idempotency */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a campaign */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the campaign's id (cmp_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A campaign and how much of its budget it has spent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such campaign (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/campaigns/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a campaign now
         * @description It issues no more coupons; those already issued stay valid. Ending it again answers the same.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the campaign's id (cmp_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A campaign and how much of its budget it has spent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such campaign (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused, idempotency_request_in_progress: see Idempotency */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Open a checkout session for a customer (secret key)
         * @description Its url and client_secret let the shopper pay as that customer, wallet included.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description A checkout session: its url and client_secret let the shopper pay as its customer, wallet included. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckoutSession"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object; customer, items or product (resource_missing: not on sale), currency (currency_unavailable when an item has no price in it), URLs, metadata, expires_at; sku_recurring: a subscription SKU (items[i].sku) or a product sold only as subscriptions (product), which POST /subscriptions opens; parameters_exclusive: items and product both given (param product); parameter_missing: neither given (param items) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description out_of_stock; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description maintenance: new orders are refused for now; retry later */
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
                    /** @description the checkout session's id (cs_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A checkout session: its url and client_secret let the shopper pay as its customer, wallet included. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckoutSession"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List coupons, newest first
         * @description Filter by active (true/false) and by part of the code (case-insensitive).
         */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                    /** @description only coupons (not) deactivated */
                    active?: "true" | "false";
                    /** @description only codes that contain this */
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Coupon objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Create a coupon
         * @description A code shoppers type (or, with automatic: true, a promotion applied without one). Amounts are minor units of its currency.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CouponInput"];
                };
            };
            responses: {
                /** @description A coupon, its terms and its uses by the key's mode's orders. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Coupon"];
                    };
                };
                /** @description parameter_invalid: a term to fix (param names it: a kind's missing amount, a currency, tiers, channels, duration_in_periods, valid_until before valid_from, …); coupon_invalid: a malformed code */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description coupon_code_taken: the merchant has a coupon with this code; idempotency_key_reused: the Idempotency-Key was used with a different request; idempotency_request_in_progress: a request with this Idempotency-Key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/coupons/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a batch of coupons with random codes
         * @description count coupons with the same terms and codes PREFIX-XXXXXXXX (8 characters without 0/O or 1/I), all in the answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CouponGenerateInput"];
                };
            };
            responses: {
                /** @description A page of Coupon objects, oldest cursor first; pass the last id as starting_after. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponList"];
                    };
                };
                /** @description parameter_invalid: a term to fix (param names it: a kind's missing amount, a currency, tiers, channels, duration_in_periods, valid_until before valid_from, …); coupon_invalid: a malformed code; an automatic promotion cannot be generated as a batch */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description coupon_code_taken: a generated code collided with an existing one, generate again; idempotency_key_reused: the Idempotency-Key was used with a different request; idempotency_request_in_progress: a request with this Idempotency-Key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/coupons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a coupon */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the coupon's id (cpn_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A coupon, its terms and its uses by the key's mode's orders. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Coupon"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such coupon (another merchant's id is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Change a coupon's description, validity window or limits
         * @description Only the fields sent change; null clears a limit or a date. The code and the discount stay: orders were priced with them.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the coupon's id (cpn_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CouponUpdate"];
                };
            };
            responses: {
                /** @description A coupon, its terms and its uses by the key's mode's orders. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Coupon"];
                    };
                };
                /** @description parameter_invalid: valid_until is not after valid_from, or max_redemptions is below the uses so far */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such coupon (another merchant's id is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: the Idempotency-Key was used with a different request; idempotency_request_in_progress: a request with this Idempotency-Key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/coupons/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a coupon
         * @description It can no longer be used; orders already priced with it keep their discount, and subscriptions opened with it keep theirs. Deactivating it again changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the coupon's id (cpn_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A coupon, its terms and its uses by the key's mode's orders. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Coupon"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such coupon (another merchant's id is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: the Idempotency-Key was used with a different request; idempotency_request_in_progress: a request with this Idempotency-Key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/coupons/{id}/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a coupon's uses, newest first
         * @description The key's mode's orders that redeemed it; released: the order closed unpaid and gave its use back.
         */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                };
                header?: never;
                path: {
                    /** @description the coupon's id (cpn_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of CouponRedemption objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponRedemptionList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such coupon (another merchant's id is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the customer's id (the merchant's own reference) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A customer's wallet balance per currency. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerBalance"];
                    };
                };
                /** @description parameter_invalid: the customer id is blank or over 200 characters (param id) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/customers/{id}/billing_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a billing link
         * @description A self-service link (one hour) where the customer sees their subscriptions, cancels them, updates a subscription's payment method without being charged and pays a failed renewal with a new card (hand it to that customer only); with flow and subscription it opens straight at that subscription's payment method; with return_url its pages link back to that page of the merchant's.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the customer's id (the merchant's own reference) */
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
                /** @description A self-service link for one customer (valid one hour): hand it to them, never publish it. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BillingLink"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it): a bad customer id (param id); flow unknown; return_url not an absolute http(s) URL of at most 1400 characters; a field a billing link does not take; parameter_missing: flow, with subscription, or subscription, with flow; resource_missing: subscription not one of the customer's in this mode */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's coupon wallet: their personal coupons they can use now
         * @description Unused, started and not expired, of this key's mode; soonest to expire first (at most 100).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the customer's id (the merchant's own reference) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The customer's coupons they can use now, soonest to expire first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonalCouponList"];
                    };
                };
                /** @description parameter_invalid: id: the customer id is blank or over 200 characters */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Issue a personal coupon to a customer
         * @description A new single-use code with the terms of the coupon given, bound to this customer id and this key's mode: another customer's order using it gets 403 coupon_not_yours.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the customer's id (the merchant's own reference) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PersonalCouponInput"];
                };
            };
            responses: {
                /** @description A single-use coupon only its customer's orders (of its mode) can use. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonalCoupon"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters; coupon: a personal coupon cannot be a template) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such coupon to issue from */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused, idempotency_request_in_progress: see Idempotency */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the customer's id (the merchant's own reference) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What a customer holds: membership end, credit balance, grants. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Entitlements"];
                    };
                };
                /** @description parameter_invalid: the customer id is blank or over 200 characters (param id) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
         * Erase a customer's personal data (a shopper's erasure request)
         * @description Blanks the customer's email on orders, subscriptions and checkout sessions, the address their receipts and subscription emails went to (unsent ones are dropped), the IP and device of their refund requests, the same in stored events and in responses kept for idempotent replays, and the bodies of logged API requests that carried them. Orders, amounts, payments and the ledger stay. A live key erases live and test data, a test key test data. Erasing again blanks nothing more (all counts 0). An id holding a / (tenant/42) is taken whole, as it is or as %2F.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the customer's id (the merchant's own reference; one holding a / is taken whole, as it is or as %2F) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What one erasure blanked. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerErasure"];
                    };
                };
                /** @description parameter_invalid: the customer id is empty or over 200 characters (param customer); invalid_json: a body that is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back). Retry after Retry-After seconds */
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
         * Everything Kassa holds about a customer (a shopper's access request)
         * @description One document: their orders as GET /orders/{id} shows them (with the email they gave, payments, refunds and disputes), subscriptions, entitlements and wallet balance by mode, withdrawals, refund requests (with the address and device they came from), the emails sent to them and the erasures done. A live key covers live and test records, a test key test records. The audit log records who exported whose data and how much, never the data. An id holding a / is taken whole, as it is or as %2F.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the customer's id (the merchant's own reference; one holding a / is taken whole, as it is or as %2F) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Everything Kassa holds about one customer, as one document. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerExport"];
                    };
                };
                /** @description parameter_invalid: the customer id is empty or over 200 characters (param customer) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description export_too_large: more than 10,000 orders or transfers; page GET /orders?customer= instead */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/customers/{id}/payment_methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's saved payment methods of this key's mode, newest first
         * @description The cards the customer let the merchant keep at a checkout (a checkout session's "Save this card for next time"); the next checkout session offers them first. Removed ones are not listed.
         */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                };
                header?: never;
                path: {
                    /** @description the customer's id (the merchant's own reference) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of PaymentMethod objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PaymentMethodList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/customers/{id}/payment_methods/{pm}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a customer's saved payment method
         * @description The provider forgets the card first, so it is never charged again; it is then no longer offered or listed. Removing it again answers the same.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the customer's id (the merchant's own reference) */
                    id: string;
                    /** @description the saved payment method's id (spm_…) */
                    pm: string;
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
                        "application/json": components["schemas"]["PaymentMethodDeleted"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such saved payment method of this customer (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description channel_unavailable: the provider could not be asked to forget the card; nothing changed, try again */
                502: {
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the customer's id (the merchant's own reference) */
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
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters, amount: over the currency's largest top-up); channel_unavailable: a channel that cannot top up (e.g. wallet) in this mode; checkout_session_invalid: not an open session of this merchant and mode */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
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
                /** @description checkout_session_required: a publishable key needs the checkout_session of this customer; origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description checkout_session_complete, checkout_session_expired: the session is no longer open; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description channel_unavailable: the channel failed; the top-up was closed */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description maintenance: new orders are paused; service_unavailable: Kassa cannot reach Redis or its database dropped the connection; order_locked: another process is updating it. Retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the customer's id (the merchant's own reference) */
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
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters); transfer_to_self: to names the sender */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
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
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description insufficient_balance: the available balance does not cover the amount; nothing moved */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
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
                    currency?: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl";
                    /** @description unix seconds or ISO 8601 (inclusive) */
                    from?: string | number;
                    /** @description unix seconds or ISO 8601 (exclusive) */
                    to?: string | number;
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last movement you have */
                    starting_after?: string;
                };
                header?: never;
                path: {
                    /** @description the customer's id (the merchant's own reference) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the wallet's movements in one currency, oldest first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WalletStatement"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters); parameter_missing: currency, when the wallet holds more than one; from must be before to; resource_missing: starting_after is not a movement of this statement */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    currency?: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl";
                    /** @description unix seconds or ISO 8601 (inclusive) */
                    from?: string | number;
                    /** @description unix seconds or ISO 8601 (exclusive) */
                    to?: string | number;
                };
                header?: never;
                path: {
                    /** @description the customer's id (the merchant's own reference) */
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
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters); parameter_missing: currency, when the wallet holds more than one; from must be before to */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                };
                header?: never;
                path: {
                    /** @description the customer's id (the merchant's own reference) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Withdrawal objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WithdrawalList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Withdraw from a customer's wallet to their payout account (secret key): the amount is frozen until the payout is paid, and back in the wallet if it fails for good */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the customer's id (the merchant's own reference) */
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
                /** @description parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters); channel_unavailable: a live key and a test payout channel */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
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
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description insufficient_balance: the available balance does not cover the amount; nothing moved */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
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
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                    /** @description only disputes in this status */
                    status?: "needs_response" | "under_review" | "won" | "lost";
                    /** @description only the disputes of this order (ord_…) */
                    order?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Dispute objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the dispute's id (dp_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A chargeback: the shopper's bank took the payment's money back, and the merchant may answer with evidence. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dispute"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such dispute (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the dispute's id (dp_…) */
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
                /** @description A chargeback: the shopper's bank took the payment's money back, and the merchant may answer with evidence. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dispute"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such dispute (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description dispute_state_invalid: evidence only while it needs a response (or the channel takes none); evidence_too_late: past evidence_due_by; evidence_refused by the provider; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
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
                /** @description service_unavailable: the provider could not be reached (send the evidence again), Kassa cannot reach Redis, or its database dropped the connection; order_locked: another process is updating the order. Retry after Retry-After seconds */
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
        /** List events, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                    /** @description only events of this type */
                    type?: "order.created" | "order.paying" | "order.paid" | "order.fulfilled" | "order.completed" | "order.refunding" | "order.refunded" | "order.closed" | "payment.succeeded" | "payment.failed" | "payment.canceled" | "payment.captured_on_inactive_order" | "checkout_session.completed" | "refund.succeeded" | "refund.failed" | "subscription.activated" | "subscription.renewed" | "subscription.past_due" | "subscription.canceled" | "settlement.paid" | "dispute.created" | "dispute.updated" | "dispute.closed" | "risk.review_opened" | "risk.review_approved" | "risk.review_rejected" | "risk.blocked" | "subscription.created" | "subscription.updated" | "subscription.paused" | "subscription.resumed" | "subscription.renewal_upcoming" | "subscription.renewal_failed" | "subscription.expired" | "settlement.created" | "payout.failed" | "reconciliation.discrepancy" | "withdrawal.created" | "withdrawal.paid" | "withdrawal.failed" | "transfer.created";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Event objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                    /** @description only orders in this status */
                    status?: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
                    /** @description only this customer's orders */
                    customer?: string;
                    /** @description only orders created at or after */
                    created_gte?: string | number;
                    /** @description only orders created at or before */
                    created_lte?: string | number;
                    /** @description only this business line's orders (its id or code) */
                    business_line?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Order objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Create an order
         * @description Prices the basket (in currency when given), redeems its coupon and reserves its stock, for the customer a secret key names, a checkout session's customer, or (publishable key) an unverified customer or a guest. Pay it with POST /orders/{id}/pay, or in the same call with pay: the answer then adds the payment (its next_action), or payment_error when it could not start (the order is made all the same).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description The order made; with ``pay``, also the payment started in the same call (or why it could not start). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderCreated"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object; resource_missing: an items[i].sku that is not on sale; currency_unavailable (an item has no price in the currency asked for; param currency), currency_mismatch (items in different default currencies and no currency given), or a coupon that cannot be used: coupon_invalid (unknown or deactivated code), coupon_expired, coupon_not_yet_valid, coupon_not_applicable (wrong items, currency or spend); pay.channel: no channel of that code; return_url_not_allowed (pay.return_url, as for POST /orders/{id}/pay); checkout_session_invalid (unknown, another merchant's or another mode's session); sku_recurring (items[i].sku is sold as a subscription: POST /subscriptions opens it); parameter_missing: customer, with a secret key (a publishable key may leave it out: a guest), or items, without a checkout session */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description risk_blocked: the merchant's risk settings refuse this order */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description out_of_stock, or coupon_exhausted (its total or per-customer limit is reached); checkout_session_complete, checkout_session_expired; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description agreement_required (agreement_accepted is not true), or purchase_limit_exceeded (the customer may buy no more of a SKU) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description maintenance: new orders are refused for now; retry later */
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
                    /** @description the order's client_secret; required with a publishable key */
                    client_secret?: string;
                };
                header?: never;
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An order: its lines, amounts, customer, state, timeline and payments. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode), or a publishable key without the order's client_secret */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An order: its lines, amounts, customer, state, timeline and payments. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order_state_invalid: not cancellable (paid already, or closed); idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked: another process is updating it. Retry after Retry-After seconds */
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
        /**
         * The shopper pays another way
         * @description Fails the order's waiting payment (e.g. an unscanned QR code) and reopens the order (status created, same items and coupon) for a new pay call (publishable key: with the order's client_secret).
         */
        post: {
            parameters: {
                query?: {
                    /** @description the order's client_secret; required with a publishable key */
                    client_secret?: string;
                };
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ChangePaymentMethodInput"];
                };
            };
            responses: {
                /** @description An order: its lines, amounts, customer, state, timeline and payments. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (or a publishable key without its client_secret), or no such payment on it */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payment_not_waiting: no payment waiting (or another one than payment), or payment_outcome_unknown: its outcome is not known yet; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked: another process is updating it. Retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The order, completed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order_state_invalid: the order is not fulfilled; order_changed_concurrently: it changed meanwhile; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The coupon wallet of an order's customer, to apply one at checkout
         * @description Publishable key with the order's client_secret (or secret key). Only a customer the merchant's server named (a checkout session or a secret key) has a wallet: for a guest or a browser-claimed id the list is empty.
         */
        get: {
            parameters: {
                query?: {
                    /** @description the order's client_secret; required with a publishable key */
                    client_secret?: string;
                };
                header?: never;
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The customer's coupons they can use now, soonest to expire first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonalCouponList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode), or a publishable key without the order's client_secret */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order's events, oldest first
         * @description With a secret key, or with a publishable key and the order's client_secret (a publishable key reads each object as a shopper may see it).
         */
        get: {
            parameters: {
                query?: {
                    /** @description the order's client secret: required with a publishable key */
                    client_secret?: string;
                };
                header?: never;
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Event objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order of the key's mode, or (publishable key) a missing or wrong client_secret */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/orders/{id}/fulfilment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report how a fulfilment ended: the merchant's system delivered the order (or could not) after its fulfilment webhook answered 202 Accepted (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FulfilmentReportInput"];
                };
            };
            responses: {
                /** @description The order: fulfilled, or refunding (failed) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order_state_invalid: the order is not paid and waiting for fulfilment (it names its status); fulfilment_already_reported: an earlier report said the other outcome; sub_order_state_invalid: the part was canceled or refunded in full; refund_in_progress: a refund of the order is in progress; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked: another process is updating the order. Retry after Retry-After seconds */
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
    "/orders/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a payment on a channel
         * @description Follow the payment's next_action (publishable key: with the order's client_secret). An order of nothing is completed at once, without a channel: payment null.
         */
        post: {
            parameters: {
                query?: {
                    /** @description the order's client_secret; required with a publishable key */
                    client_secret?: string;
                };
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PayInput"];
                };
            };
            responses: {
                /** @description The payment started, and what the client does next. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PayResponse"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object; channel_unavailable: an unknown or unavailable channel (the message says why: e.g. a test channel for a live order, or the wallet of an unverified customer); return_url_not_allowed: a live publishable key's return_url is not a page of the merchant's allowed origins; parameter_missing: channel, for an order that costs something; saved_methods_unsupported: save_payment_method on a channel that saves no card */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description risk_blocked: the merchant's risk settings refuse this payment */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description checkout_session_required: payment_method or save_payment_method for a customer nobody vouched for (a publishable key's or a guest's order) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode), or a publishable key without the order's client_secret; or (param payment_method) no such active saved payment method of the order's customer */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payment_in_progress, payment_outcome_unknown (its outcome not known yet), order_expired, order_state_invalid (not payable); checkout_session_complete: another order of its checkout session is paid already; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
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
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked: another process is updating it. Retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
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
                /** @description The request, scored: approved (refunded in full at once), review (held for the merchant) or denied. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefundRequestCreated"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (or, with a publishable key, a wrong client_secret) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order_state_invalid: the order is not paid; refund_in_progress: a refund is already under way; order_changed_concurrently: the order kept changing while the refund was opened; read it and try again; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
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
                /**
                 * @description The refund: pending while the provider's answer is unknown (the order stays refunding and Kassa resolves it
                 *         by the refund's reference); failed if the channel refused: retry it.
                 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefundResponse"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order_state_invalid: not refundable now (not paid, or no captured payment); refund_in_progress: a refund is in progress; order_changed_concurrently: the order kept changing meanwhile; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked: another process is updating the order. Retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
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
                /** @description The order, as decided */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order in this mode */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description review_not_open: the order is not waiting for review (already decided, or never held); state_conflict: the order changed while you decided; reload and try again; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * An order's status as server-sent events
         * @description Authorised by its client_secret (no key: an EventSource cannot send headers). `event: status` carries an OrderStatusEvent whenever the status or latest payment changes; `event: end` (an OrderStreamEnd) closes the stream once the order is paid or closed (reason `decided`), after ORDER_STREAM_SECONDS (reason `timeout`: the client reconnects), when the order no longer exists (reason `gone`) or when the database went away mid-stream (reason `unavailable`: poll the order meanwhile). The web process holds no stream: with a stream process (STREAM_PUBLIC_URL) it answers 307 to the same path and query there (an EventSource follows it); without one it answers at once with the order's `status` and `end` (reason `poll`: poll the order). The stream process caps open streams per order, per client address and in total: past a cap, 429 `too_many_streams` with Retry-After. CORS: any origin (`null` included, as after a redirect).
         */
        get: {
            parameters: {
                query: {
                    /** @description the order's client secret (a wrong or missing one is a 404) */
                    client_secret: string;
                };
                header?: never;
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the order's status events and a final end event */
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
                    content: {
                        "text/html": string;
                    };
                };
                /** @description resource_missing: no such order, or a missing or wrong client_secret */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too_many_streams: too many open streams (of this order, from this address, or in all); see Retry-After */
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
    "/orders/{id}/sub_orders/{sub_order_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel one part of a paid split order before it is delivered: all that remains of it is refunded through the channel that captured the payment and it becomes canceled (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                    /** @description the sub-order's id (so_…) */
                    sub_order_id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SubOrderCancelInput"];
                };
            };
            responses: {
                /** @description The order, with the part canceled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode), or the order has no such sub-order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description sub_order_fulfilled: the part was delivered, refund it instead; order_state_invalid: the order is not paid (cancel the whole order) or closed; sub_order_state_invalid: the part failed or was refunded in full; refund_in_progress: a refund of the order is in progress; order_changed_concurrently: the order kept changing meanwhile; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked: another process is updating the order. Retry after Retry-After seconds */
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
    "/orders/{id}/sub_orders/{sub_order_id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the receipt of one delivered part of a split order: the part becomes completed, and the order completes (and is cleared) once every live part is (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                    /** @description the sub-order's id (so_…) */
                    sub_order_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode), or the order has no such sub-order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order_state_invalid: the part is not fulfilled yet; sub_order_state_invalid: it was canceled, failed or refunded in full; order_changed_concurrently: the order kept changing meanwhile; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/sub_orders/{sub_order_id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund all that remains (or part) of one sub-order of a paid order through the channel that captured it: the money comes back from that sub-order's lines only (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the order's id (ord_…) */
                    id: string;
                    /** @description the sub-order's id (so_…) */
                    sub_order_id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RefundInput"];
                };
            };
            responses: {
                /**
                 * @description The refund: pending while the provider's answer is unknown (the order stays refunding and Kassa resolves it
                 *         by the refund's reference); failed if the channel refused: retry it.
                 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefundResponse"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such order (of this key's mode), or the order has no such sub-order */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description order_state_invalid: the order is not refundable now (not paid, or no captured payment); refund_in_progress: a refund of the order is in progress; order_changed_concurrently: the order kept changing meanwhile; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description amount_too_large: more than remains refundable of the sub-order */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked: another process is updating the order. Retry after Retry-After seconds */
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
                /** @description A page of Partner objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PartnerList"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Add a partner the merchant shares revenue with (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description A party the merchant shares revenue with; self is the merchant itself. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Partner"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); 1000 partners already added in the key's mode (param name) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the partner's id (ptn_…, or self for the merchant) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A party the merchant shares revenue with; self is the merchant itself. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Partner"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such partner */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Change a partner's name, payout account, cycle or reserve */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the partner's id (ptn_…, or self for the merchant) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PartnerPatch"];
                };
            };
            responses: {
                /** @description A party the merchant shares revenue with; self is the merchant itself. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Partner"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such partner */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products
         * @description Active products, oldest first; the merchant's secret key may ask for drafts and archived ones (status).
         */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
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
                /** @description A page of Product objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Create a product with its SKUs (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description A product on the merchant's catalog and its SKUs (a shopper's key sees the active ones). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it: clearing.splits[i].partner when it is not one of the merchant's partners); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the product's id (prod_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A product on the merchant's catalog and its SKUs (a shopper's key sees the active ones). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such product (or an archived one) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Change a product's name, description, attributes or status (secret key) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the product's id (prod_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ProductPatch"];
                };
            };
            responses: {
                /** @description A product on the merchant's catalog and its SKUs (a shopper's key sees the active ones). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it: clearing.splits[i].partner when it is not one of the merchant's partners); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such product */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the product's id (prod_…) */
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
                /** @description An option of a product, with its price (one per currency), stock and rules. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sku"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it: clearing.splits[i].partner when it is not one of the merchant's partners); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description What a basket costs now, with no side effects. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quote"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object; resource_missing: an items[i].sku that is not on sale; currency_unavailable (an item has no price in the currency asked for; param currency), currency_mismatch (items in different default currencies and no currency given), or a coupon that cannot be used: coupon_invalid (unknown or deactivated code), coupon_expired, coupon_not_yet_valid, coupon_not_applicable (wrong items, currency or spend) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description out_of_stock, or coupon_exhausted (its total or per-customer limit is reached); idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** List reconciliation runs, newest first (a test key: those of statements of test money) */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                    /** @description only the runs of this channel */
                    channel?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of ReconciliationRun objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReconciliationRunList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: starting_after names no run the key may read */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Reconcile a channel's statement of one day; the run works on a worker (poll until done) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description A channel's statement of one day matched against Kassa's records; poll until status is done or failed. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReconciliationRun"];
                    };
                };
                /** @description channel_unavailable: channel publishes no statements (the message lists those that do); parameter_invalid: date is malformed or in the future */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route; live_key_required: a test key and a statement of live money (a channel that is not test-only, or Stripe with a live key) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the run's id (rcn_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A channel's statement of one day matched against Kassa's records; poll until status is done or failed. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReconciliationRun"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such run (for a test key: nor one of a statement of live money) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                    status?: "open" | "resolved";
                    kind?: "missing_in_kassa" | "missing_at_provider" | "amount_mismatch" | "status_mismatch" | "duplicate";
                };
                header?: never;
                path: {
                    /** @description the run's id (rcn_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Discrepancy objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DiscrepancyList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such run (for a test key: nor one of a statement of live money) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the refund's id (re_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /**
                 * @description The refund: pending while the provider's answer is unknown (the order stays refunding and Kassa resolves it
                 *         by the refund's reference); failed if the channel refused: retry it.
                 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefundResponse"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such refund (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description refund_state_invalid: the refund has not failed; order_state_invalid: the order is not refundable now; refund_in_progress: another refund of the order is in progress; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description amount_too_large: the refund no longer fits what remains refundable */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled back); order_locked: another process is updating the order. Retry after Retry-After seconds */
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
                    /** @description only entries of this kind */
                    kind?: "customer" | "email" | "email_domain" | "ip" | "device" | "card_fingerprint";
                    /** @description only entries of this value (with kind: as that kind stores it, e.g. a lower-cased email) */
                    value?: string;
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of RiskListEntry objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskListEntryList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Add a block, allow or review list entry to the key's mode's lists (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description A block, allow or review list entry of one mode. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskListEntry"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it), e.g. an email entry without an @, an ip entry that is no address or CIDR range, an expires_at not in the future; invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description key_scoped_to_line: this key is scoped to one business line; changing risk rules or lists takes a key for the whole business */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_exists: that kind and value are already listed in this mode (param: value); idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                /** @description CSV, as an attachment (risk-list.csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                /** @description What a CSV import did. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskImportReport"];
                    };
                };
                /** @description invalid_csv: not Content-Type text/csv, not UTF-8, or over 20 MB */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description key_scoped_to_line: this key is scoped to one business line; changing risk rules or lists takes a key for the whole business */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request_too_large: the body is over 20 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the list entry's id (rle_…) */
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
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description key_scoped_to_line: this key is scoped to one business line; changing risk rules or lists takes a key for the whole business */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such entry in this mode */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                /** @description Every rule of the key's mode, in creation order (one page: a mode holds at most 100). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskRuleList"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Add a risk rule for the key's mode's orders (secret key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description A risk rule of one mode. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskRule"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it: params.by, params.max_amount, …), or the mode already has 100 rules (param: kind); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description key_scoped_to_line: this key is scoped to one business line; changing risk rules or lists takes a key for the whole business */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                /** @description What the rule would have flagged of the mode's orders of the last 30 days; nothing was saved. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskRulePreview"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); preview_unavailable: the rule reads the shopper's address, device or country, which orders do not keep, or applies to withdrawals; invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the rule's id (rr_…) */
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
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description key_scoped_to_line: this key is scoped to one business line; changing risk rules or lists takes a key for the whole business */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such rule in this mode */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        options?: never;
        head?: never;
        /** Change a rule's params, action or enabled (secret key of the rule's mode) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the rule's id (rr_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RiskRuleUpdate"];
                };
            };
            responses: {
                /** @description A risk rule of one mode. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskRule"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it), or one that cannot change (kind); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description key_scoped_to_line: this key is scoped to one business line; changing risk rules or lists takes a key for the whole business */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such rule in this mode */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                    /** @description a partner's id (self: the merchant's own share) */
                    partner?: string;
                    status?: "pending" | "paying" | "paid" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Settlement objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description The settlements cut. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementRun"];
                    };
                };
                /** @description test_mode_only: a live key (live settlements run by themselves); parameter_invalid: until is not a time or more than 730 days from now */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the settlement's id (stl_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A partner's takings of one window and currency, with the payout that pays them. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settlement"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such settlement (of the key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last line you have */
                    starting_after?: string;
                };
                header?: never;
                path: {
                    /** @description the settlement's id (stl_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of SettlementLine objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementLineList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such settlement (of the key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the settlement's id (stl_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A partner's takings of one window and currency, with the payout that pays them. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settlement"];
                    };
                };
                /** @description payout_state_invalid: the settlement has no payout (nothing to pay) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such settlement (of the key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description payout_state_invalid: the payout has not failed, or changed meanwhile (reload); idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the settlement's id (stl_…) */
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
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such settlement (of the key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the SKU's id (sku_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SkuPatch"];
                };
            };
            responses: {
                /** @description An option of a product, with its price (one per currency), stock and rules. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sku"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it: clearing.splits[i].partner when it is not one of the merchant's partners); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such SKU */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        trace?: never;
    };
    "/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscriptions, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                    /** @description only this customer's contracts */
                    customer?: string;
                    /** @description only contracts in this status */
                    status?: "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";
                    /** @description only this business line's contracts (id or code) */
                    business_line?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of Subscription objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubscriptionList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Open a subscription and its first order
         * @description Paying the first order activates the contract and signs the mandate (a SKU with a free trial: the order is of nothing, only channels that sign for nothing (sandbox_card, stripe, wallet) are offered, and the contract is trialing until the trial ends; a customer who has had a contract on the product before gets no trial: the order is of the SKU's price).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description The pending contract and its first order: paying that order activates it and signs the mandate. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubscriptionCreated"];
                    };
                };
                /** @description resource_missing: no active SKU of that id (param sku); parameter_invalid: a field to fix (param names it), e.g. a test_clock with live keys or unknown; parameter_missing: customer, with a secret key; sku_not_recurring: the SKU has no subscription terms; currency_unavailable: the SKU has no price in currency; coupon_invalid, coupon_expired, coupon_not_yet_valid, coupon_not_applicable: the coupon cannot be used */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
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
                /** @description origin_not_allowed: a live publishable key from an origin the merchant has not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description out_of_stock; coupon_exhausted: its total or per-customer limit is reached; trial_unavailable: the customer has had this product's free trial; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description agreement_required: agreement_accepted is not true; purchase_limit_exceeded: the customer may buy no more of the SKU */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
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
        /** Retrieve a subscription */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the subscription's id (sub_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A recurring contract (API.md: Subscriptions). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such subscription (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /** Change the SKU from the next renewal on */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the subscription's id (sub_…) */
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
                /** @description A recurring contract (API.md: Subscriptions). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description resource_missing: no active SKU of that id (param sku); parameter_invalid: a field to fix (param names it; only sku can be changed); sku_not_recurring: not a subscription SKU; currency_mismatch: no price in the subscription's currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such subscription (of this key's mode) */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Cancel a subscription
         * @description Now, or at the end of the current period with at_period_end; cancelling a canceled subscription returns it unchanged.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the subscription's id (sub_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SubscriptionCancel"];
                };
            };
            responses: {
                /** @description A recurring contract (API.md: Subscriptions). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such subscription (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one); payment_in_progress: the first payment's outcome is not known yet; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Pause a subscription
         * @description Stop renewing until resumed; the current period runs to its end. Repeating it returns the subscription unchanged.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the subscription's id (sub_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A recurring contract (API.md: Subscriptions). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such subscription (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one); idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Resume a subscription
         * @description Renew again (at once, in a new period, when the pause outlasted the period). Repeating it returns the subscription unchanged.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the subscription's id (sub_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A recurring contract (API.md: Subscriptions). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such subscription (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one); idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * List test clocks, newest first
         * @description Empty for live keys.
         */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of TestClock objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestClockList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Create a test clock
         * @description Test secret keys only. A subscription created with test_clock lives on it.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description A test clock: ready, or advancing while the worker runs what falls due. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestClock"];
                    };
                };
                /** @description parameter_invalid: frozen_time is neither ISO 8601 nor unix seconds, or not between the years 2000 and 2200; livemode_mismatch: test clocks are for test keys only */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the test clock's id (clock_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A test clock: ready, or advancing while the worker runs what falls due. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestClock"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such test clock (live keys have none) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
    "/test_clocks/{id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Advance a test clock
         * @description Move the clock forward: the worker runs every renewal notice, renewal, dunning try and expiry that falls due, in time order (status advancing), then reports ready.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the test clock's id (clock_…) */
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
                /** @description A test clock: ready, or advancing while the worker runs what falls due. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestClock"];
                    };
                };
                /** @description parameter_invalid: to is neither ISO 8601 nor unix seconds, not between the years 2000 and 2200, not after frozen_time, or more than two years on */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such test clock (live keys have none) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description clock_advancing: wait until the clock is ready; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * List webhook endpoints, newest first
         * @description The key's mode's endpoints (no secrets).
         */
        get: {
            parameters: {
                query?: {
                    /** @description how many items a page holds */
                    limit?: number;
                    /** @description the id of the last item of the page before */
                    starting_after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of WebhookEndpoint objects, oldest cursor first; pass the last id as starting_after. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointList"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Register a webhook endpoint
         * @description In the key's mode (it receives that mode's events only); the answer holds its signing secret, shown once.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
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
                /** @description The endpoint with its signing secret, shown in this answer only. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointCreated"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object; url_not_allowed: the url's host is (or resolves to) an address Kassa does not send to (this machine, a private network) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: the Idempotency-Key was used with a different request; idempotency_request_in_progress: a request with this Idempotency-Key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the webhook endpoint's id (we_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An endpoint Kassa POSTs events to (never its secret, but on create and roll). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Change a webhook endpoint's url, events or enabled state
         * @description Disabling it stops its pending deliveries, and no event is queued for it until it is enabled again.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the webhook endpoint's id (we_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["WebhookEndpointUpdate"];
                };
            };
            responses: {
                /** @description An endpoint Kassa POSTs events to (never its secret, but on create and roll). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object; url_not_allowed: the url's host is (or resolves to) an address Kassa does not send to (this machine, a private network); also parameter_invalid when nothing is to change (no param), or enabled and disabled contradict each other */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description idempotency_key_reused: the Idempotency-Key was used with a different request; idempotency_request_in_progress: a request with this Idempotency-Key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Delete a webhook endpoint
         * @description Its pending deliveries stop.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the webhook endpoint's id (we_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The endpoint is deleted; its pending deliveries stopped. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointDeleted"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either); deleting it twice finds none the second time */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Roll a webhook endpoint's signing secret
         * @description Gives the endpoint a new signing secret (in the answer, shown once); the old one also signs for overlap_hours.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the webhook endpoint's id (we_…) */
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
                /** @description The endpoint with its signing secret, shown in this answer only. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointCreated"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description webhook_secret_rolled: rolled by someone else at that moment; idempotency_key_reused: the Idempotency-Key was used with a different request; idempotency_request_in_progress: a request with this Idempotency-Key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
        /**
         * Send a webhook endpoint a sample event
         * @description Now, with test_webhook: true, signed and delivered like any other; no handler and no other endpoint sees it.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the webhook endpoint's id (we_…) */
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
                /** @description Sent (the delivery says how the endpoint answered). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookTest"];
                    };
                };
                /** @description parameter_invalid: type is unknown, or not one the endpoint listens to; invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description webhook_endpoint_disabled: enable the endpoint first; idempotency_key_reused: the Idempotency-Key was used with a different request; idempotency_request_in_progress: a request with this Idempotency-Key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description the withdrawal's id (wd_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A withdrawal from a customer's wallet, with its payout. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Withdrawal"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such withdrawal (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
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
                    /** @description a retry with the same key (and the same request) gets the first answer again, replayed */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description the withdrawal's id (wd_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WithdrawalReviewDecision"];
                };
            };
            responses: {
                /** @description A withdrawal from a customer's wallet, with its payout. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Withdrawal"];
                    };
                };
                /** @description parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description invalid_api_key: missing, malformed or unknown key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description secret_key_required: a publishable key on a secret-only route */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description resource_missing: no such withdrawal (of this key's mode) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description review_not_open: not waiting for a decision; idempotency_key_reused: this Idempotency-Key was used with another body; idempotency_request_in_progress: a request with this key is still running */
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
                /** @description rate_limited: too many requests for this key; retry after Retry-After seconds */
                429: {
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
        /**
         * Balance
         * @description The merchant's money, read from the ledger, in every currency it holds.
         */
        Balance: {
            /** @description its cleared share, net of fees and refunds, not yet paid out */
            available: components["schemas"]["Money"][];
            /** @description refunds set aside until the provider confirms them */
            frozen: components["schemas"]["Money"][];
            /** @constant */
            object: "balance";
            /** @description captured for orders not completed yet, and cleared money on hold */
            pending: components["schemas"]["Money"][];
            /** @description what customers hold in their wallets */
            wallets: components["schemas"]["Money"][];
        };
        /**
         * BillingLink
         * @description A self-service link for one customer (valid one hour): hand it to them, never publish it.
         */
        BillingLink: {
            customer: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            flow: "payment_method_update" | null;
            livemode: boolean;
            /** @constant */
            object: "billing_link";
            /**
             * Format: uri
             * @description the page the link's pages lead back to, as asked
             */
            return_url: string | null;
            subscription: string | null;
            /** Format: uri */
            url: string;
        };
        /**
         * BillingLinkInput
         * @description A self-service link for one customer; every field is optional (it takes no others).
         */
        BillingLinkInput: {
            /**
             * @description payment_method_update: the link opens at the subscription's payment method, where the customer saves a new card without being charged (or, past due with its renewal open, pays that renewal with it)
             * @default null
             */
            flow?: "payment_method_update" | null;
            /**
             * @description your page the subscriber goes back to: the self-service pages (and the outcome of a payment method update) show "Back to <your name>" linking to it; any absolute http(s) URL
             * @default null
             */
            return_url?: string | null;
            /**
             * @description with flow: one of the customer's subscriptions, in the key's mode
             * @default null
             */
            subscription?: string | null;
        };
        /**
         * BusinessLine
         * @description A part of the merchant (a games line, a music line); no line is the merchant's default.
         */
        BusinessLine: {
            /**
             * Format: date-time
             * @description set once archived: the line takes no new orders or products
             * @example 2026-11-27T15:07:48Z
             */
            archived_at: string | null;
            /**
             * @description the line's own wait before a fulfilled order completes itself; null: the merchant's
             * @default null
             */
            auto_confirm_minutes?: number | null;
            code: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * @description the name the line's shoppers see on the checkout and receipts; null: the merchant's
             * @default null
             */
            display_name?: string | null;
            /** @description bl_… */
            id: string;
            name: string;
            /** @constant */
            object: "business_line";
            /**
             * @description the line's own timeout for unpaid orders; null: the merchant's
             * @default null
             */
            order_timeout_minutes?: number | null;
        };
        /**
         * BusinessLineInput
         * @description A line to add.
         */
        BusinessLineInput: {
            /** @description lowercase letters, digits, - or _ (e.g. games); fixed once the line exists */
            code: string;
            name: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * BusinessLineList
         * @description A page of BusinessLine objects, oldest cursor first; pass the last id as starting_after.
         */
        BusinessLineList: {
            data: components["schemas"]["BusinessLine"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /**
         * BusinessLineUpdate
         * @description What to change (its code stays); a field left out stays as it is.
         */
        BusinessLineUpdate: {
            /**
             * @description the line's own wait before a fulfilled order completes itself, 0 (at once) to 129600 minutes (90 days); null: the merchant's
             * @default null
             */
            auto_confirm_minutes?: number | null;
            /**
             * @description the name shoppers see on the line's checkout and receipts, instead of the merchant's; null or empty: the merchant's name
             * @default null
             */
            display_name?: string | null;
            /** @default null */
            name?: string;
            /**
             * @description the line's own timeout for unpaid orders, 1 to 1440 minutes; null: the merchant's
             * @default null
             */
            order_timeout_minutes?: number | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Campaign
         * @description A campaign and how much of its budget it has spent.
         */
        Campaign: {
            budget: components["schemas"]["CampaignBudget"];
            coupon_valid_days: number | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @description the ceilings of the coupons issued so far, summed (minor units) */
            discount_committed: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            ended_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            ends_at: string | null;
            id: string;
            issued_count: number;
            livemode: boolean;
            min_amount: components["schemas"]["Money"] | null;
            name: string;
            /** @constant */
            object: "campaign";
            /** @enum {string} */
            rule: "first_order" | "paid_order" | "subscription_start";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            starts_at: string;
            /** @enum {string} */
            status: "scheduled" | "running" | "exhausted" | "ended";
            template_coupon: string;
        };
        /** CampaignBudget */
        CampaignBudget: {
            /** @description max_discount_total's currency */
            currency: string | null;
            max_discount_total: number | null;
            max_issued: number | null;
        };
        /**
         * CampaignInput
         * @description A new campaign: each time its rule fires for a customer while it runs and its budget lasts, that customer
         *     gets a single-use coupon with the template coupon's terms.
         */
        CampaignInput: {
            /**
             * @description each issued coupon's lifetime (default: the template's end)
             * @default null
             */
            coupon_valid_days?: number | null;
            /** @default null */
            ends_at?: (string | number) | null;
            /**
             * @description the most all its coupons can take off together, in minor units of the template's currency: each issued coupon reserves its ceiling (needs a template with one)
             * @default null
             */
            max_discount_total?: number | null;
            /**
             * @description the most coupons it issues
             * @default null
             */
            max_issued?: number | null;
            /**
             * @description paid_order only: the least order total
             * @default null
             */
            min_amount?: components["schemas"]["MoneyInput"] | null;
            name: string;
            /**
             * @description first_order: a customer's first paid order; paid_order: every paid order (of at least min_amount); subscription_start: a subscription that becomes active. Only customers the merchant's server named (a secret key or a checkout session) earn coupons
             * @enum {string}
             */
            rule: "first_order" | "paid_order" | "subscription_start";
            /**
             * @description default: now
             * @default null
             */
            starts_at?: (string | number) | null;
            /**
             * @description the coupon whose terms every issued coupon copies (deactivate it if its own code should not be typed by anyone)
             * @example cpn_1a2b3c
             */
            template_coupon: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * CampaignList
         * @description A page of Campaign objects, oldest cursor first; pass the last id as starting_after.
         */
        CampaignList: {
            data: components["schemas"]["Campaign"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** CampaignListQuery */
        CampaignListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description the id of the last item of the page before
             * @default null
             */
            starting_after?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** ChangePaymentMethodInput */
        ChangePaymentMethodInput: {
            /**
             * @description required with a publishable key (or in the query)
             * @default null
             */
            client_secret?: string | null;
            /**
             * @description the waiting payment's id; refused (409) when another payment is waiting by now
             * @default null
             */
            payment?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * ChannelConfigEventObject
         * @description app/payments/channels/configs.py channel_config_json: a channel's settings as the portal shows them.
         */
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
        /**
         * CheckoutSession
         * @description A checkout session: its url and client_secret let the shopper pay as its customer, wallet included.
         */
        CheckoutSession: {
            cancel_url: string | null;
            client_secret: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * @description the currency the fixed items are priced in; null: their default prices
             * @example usd
             */
            currency: string | null;
            customer: components["schemas"]["CheckoutSessionCustomer"];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            /** @description the fixed basket; null: the shopper picks */
            items: components["schemas"]["CheckoutSessionItem"][] | null;
            livemode: boolean;
            metadata: {
                [key: string]: unknown;
            };
            /** @constant */
            object: "checkout_session";
            /** @description the paid order that completed the session */
            order: string | null;
            /** @description the orders made through it */
            orders: string[];
            /** @description the product whose option the shopper picks; null: fixed items */
            product: string | null;
            /** @enum {string} */
            status: "open" | "complete" | "expired";
            success_url: string | null;
            /**
             * Format: uri
             * @description the hosted checkout for this session; carries the client secret, so hand it only to the shopper
             */
            url: string;
        };
        /** CheckoutSessionCustomer */
        CheckoutSessionCustomer: {
            email: string | null;
            id: string;
        };
        CheckoutSessionEventObject: {
            cancel_url: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * @description the currency the fixed items are priced in; null: their default prices
             * @example usd
             */
            currency: string | null;
            customer: components["schemas"]["CheckoutSessionCustomer"];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            /** @description the fixed basket; null: the shopper picks */
            items: components["schemas"]["CheckoutSessionItem"][] | null;
            livemode: boolean;
            metadata: {
                [key: string]: unknown;
            };
            /** @constant */
            object: "checkout_session";
            /** @description the paid order that completed the session */
            order: string | null;
            /** @description the product whose option the shopper picks; null: fixed items */
            product: string | null;
            /** @enum {string} */
            status: "open" | "complete" | "expired";
            success_url: string | null;
        };
        /** CheckoutSessionInput */
        CheckoutSessionInput: {
            /**
             * Format: uri
             * @description where the shopper goes back to without paying
             * @default null
             */
            cancel_url?: string | null;
            /**
             * @description with items only: price them in this currency (each must have a price in it); the session's orders are charged in it
             * @default null
             */
            currency?: ("aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl" | "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VED" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL") | null;
            /** @description the customer the shopper pays as (the merchant vouches) */
            customer: components["schemas"]["OrderCustomerInput"];
            /**
             * @description ISO 8601 or unix seconds, 30 minutes to 7 days ahead; default 24 h
             * @default null
             */
            expires_at?: (string | number) | null;
            /**
             * @description a fixed basket; or product
             * @default null
             */
            items?: components["schemas"]["ItemInput"][] | null;
            /**
             * @description the merchant's notes: at most 50 keys of at most 40 characters, each value a string, number, boolean or null of at most 500 characters
             * @default null
             */
            metadata?: {
                [key: string]: string | number | boolean | null;
            } | null;
            /**
             * @description the shopper picks its option and quantity; or items
             * @default null
             */
            product?: string | null;
            /**
             * Format: uri
             * @description after payment; {CHECKOUT_SESSION_ID} is replaced by the session id
             * @default null
             */
            success_url?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** CheckoutSessionItem */
        CheckoutSessionItem: {
            quantity: number;
            sku: string;
        };
        /** ClientSecretQuery */
        ClientSecretQuery: {
            /**
             * @description the order's client_secret; required with a publishable key
             * @default null
             */
            client_secret?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Coupon
         * @description A coupon, its terms and its uses by the key's mode's orders.
         */
        Coupon: {
            active: boolean;
            amount_off: number | null;
            automatic: boolean;
            /** @description payment channels the order may be paid with; empty: any */
            channels: string[];
            code: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            currency: string | null;
            /** @description the discount line shoppers see */
            description: string;
            /** @enum {string} */
            duration: "once" | "repeating" | "forever";
            duration_in_periods: number | null;
            /** @example cpn_1a2b3c */
            id: string;
            /** @enum {string} */
            kind: "amount_off" | "percent_off" | "spend_and_save" | "volume";
            max_discount: number | null;
            max_per_customer: number | null;
            max_redemptions: number | null;
            min_subtotal: number | null;
            /** @constant */
            object: "coupon";
            percent_bps: number | null;
            product_ids: string[];
            sku_ids: string[];
            /**
             * @description whether a shopper can use it now, for the key's mode
             * @enum {string}
             */
            state: "active" | "scheduled" | "expired" | "used up" | "deactivated";
            tiers: components["schemas"]["CouponTier"][] | null;
            /** @description uses by orders of the key's mode (closed unpaid orders give theirs back) */
            times_redeemed: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            valid_from: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            valid_until: string | null;
        };
        /** CouponGenerateInput */
        CouponGenerateInput: ({
            /**
             * @description minor units (amount_off, spend_and_save)
             * @default null
             */
            amount_off?: number | null;
            /**
             * @description a promotion: applies without a code when its terms hold (the best one for the shopper, one discount per order)
             * @default false
             */
            automatic?: boolean;
            /**
             * @description payment channel codes the order may be paid with (empty: any); paying with another is refused
             * @default null
             */
            channels?: string[] | null;
            /** @description how many codes */
            count: number;
            /**
             * @description lowercase ISO 4217; needed with an amount
             * @default null
             */
            currency?: ("aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl" | "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VED" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL") | null;
            /**
             * @description the discount line shoppers see (default: the terms in short)
             * @default null
             */
            description?: string | null;
            /**
             * @description for a subscription: once (its first order), repeating (also its first duration_in_periods renewals), forever (every renewal)
             * @default once
             * @enum {string}
             */
            duration?: "once" | "repeating" | "forever";
            /**
             * @description repeating only: how many renewals it discounts
             * @default null
             */
            duration_in_periods?: number | null;
            /**
             * @description amount_off, percent_off, spend_and_save (amount_off once min_subtotal is reached), volume (a percentage per line by quantity: tiers)
             * @enum {string}
             */
            kind: "amount_off" | "percent_off" | "spend_and_save" | "volume";
            /**
             * @description a cap in minor units (percent_off)
             * @default null
             */
            max_discount?: number | null;
            /** @default null */
            max_per_customer?: number | null;
            /**
             * @description uses in all (each mode counts its own)
             * @default null
             */
            max_redemptions?: number | null;
            /**
             * @description minor units (spend_and_save)
             * @default null
             */
            min_subtotal?: number | null;
            /**
             * @description basis points, 1–10000 (percent_off)
             * @default null
             */
            percent_bps?: number | null;
            /**
             * @description codes read PREFIX-XXXXXXXX
             * @default null
             */
            prefix?: string | null;
            /**
             * @description only these products (empty: all)
             * @default null
             */
            product_ids?: string[] | null;
            /**
             * @description only these SKUs (empty: all)
             * @default null
             */
            sku_ids?: string[] | null;
            /**
             * @description volume: [{min_quantity, percent_bps}]
             * @default null
             */
            tiers?: components["schemas"]["Tier"][] | null;
            /** @default null */
            valid_from?: (string | number) | null;
            /** @default null */
            valid_until?: (string | number) | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        }) & (unknown & unknown & unknown & unknown & unknown & unknown);
        /** CouponInput */
        CouponInput: ({
            /**
             * @description minor units (amount_off, spend_and_save)
             * @default null
             */
            amount_off?: number | null;
            /**
             * @description a promotion: applies without a code when its terms hold (the best one for the shopper, one discount per order)
             * @default false
             */
            automatic?: boolean;
            /**
             * @description payment channel codes the order may be paid with (empty: any); paying with another is refused
             * @default null
             */
            channels?: string[] | null;
            /** @description 1–64 letters, digits, '-' or '_'; stored upper case */
            code: string;
            /**
             * @description lowercase ISO 4217; needed with an amount
             * @default null
             */
            currency?: ("aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl" | "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VED" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL") | null;
            /**
             * @description the discount line shoppers see (default: the terms in short)
             * @default null
             */
            description?: string | null;
            /**
             * @description for a subscription: once (its first order), repeating (also its first duration_in_periods renewals), forever (every renewal)
             * @default once
             * @enum {string}
             */
            duration?: "once" | "repeating" | "forever";
            /**
             * @description repeating only: how many renewals it discounts
             * @default null
             */
            duration_in_periods?: number | null;
            /**
             * @description amount_off, percent_off, spend_and_save (amount_off once min_subtotal is reached), volume (a percentage per line by quantity: tiers)
             * @enum {string}
             */
            kind: "amount_off" | "percent_off" | "spend_and_save" | "volume";
            /**
             * @description a cap in minor units (percent_off)
             * @default null
             */
            max_discount?: number | null;
            /** @default null */
            max_per_customer?: number | null;
            /**
             * @description uses in all (each mode counts its own)
             * @default null
             */
            max_redemptions?: number | null;
            /**
             * @description minor units (spend_and_save)
             * @default null
             */
            min_subtotal?: number | null;
            /**
             * @description basis points, 1–10000 (percent_off)
             * @default null
             */
            percent_bps?: number | null;
            /**
             * @description only these products (empty: all)
             * @default null
             */
            product_ids?: string[] | null;
            /**
             * @description only these SKUs (empty: all)
             * @default null
             */
            sku_ids?: string[] | null;
            /**
             * @description volume: [{min_quantity, percent_bps}]
             * @default null
             */
            tiers?: components["schemas"]["Tier"][] | null;
            /** @default null */
            valid_from?: (string | number) | null;
            /** @default null */
            valid_until?: (string | number) | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        }) & (unknown & unknown & unknown & unknown & unknown & unknown);
        /**
         * CouponList
         * @description A page of Coupon objects, oldest cursor first; pass the last id as starting_after.
         */
        CouponList: {
            data: components["schemas"]["Coupon"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** CouponListQuery */
        CouponListQuery: {
            /**
             * @description only coupons (not) deactivated
             * @default null
             * @enum {string}
             */
            active?: "true" | "false";
            /**
             * @description only codes that contain this
             * @default null
             */
            code?: string;
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description the id of the last item of the page before
             * @default null
             */
            starting_after?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * CouponRedemption
         * @description One order's use of a coupon.
         */
        CouponRedemption: {
            amount: components["schemas"]["Money"];
            coupon: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: string;
            /** @example red_1a2b3c */
            id: string;
            /** @constant */
            object: "coupon_redemption";
            order: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            released_at: string | null;
            /**
             * @description released: the order closed unpaid
             * @enum {string}
             */
            status: "active" | "released";
        };
        /**
         * CouponRedemptionList
         * @description A page of CouponRedemption objects, oldest cursor first; pass the last id as starting_after.
         */
        CouponRedemptionList: {
            data: components["schemas"]["CouponRedemption"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** CouponTier */
        CouponTier: {
            min_quantity: number;
            percent_bps: number;
        };
        /**
         * CouponUpdate
         * @description Only what changes (the code and the discount stay: orders were priced with them); null clears a limit or a
         *     date.
         */
        CouponUpdate: {
            /** @default null */
            description?: string | null;
            /** @default null */
            max_per_customer?: number | null;
            /** @default null */
            max_redemptions?: number | null;
            /** @default null */
            valid_from?: (string | number) | null;
            /** @default null */
            valid_until?: (string | number) | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * CustomerBalance
         * @description A customer's wallet balance per currency.
         */
        CustomerBalance: {
            available: components["schemas"]["Money"][];
            customer: string;
            frozen: components["schemas"]["Money"][];
            livemode: boolean;
            /** @constant */
            object: "customer_balance";
        };
        /**
         * CustomerErasure
         * @description What one erasure blanked.
         */
        CustomerErasure: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
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
        /**
         * CustomerExport
         * @description Everything Kassa holds about one customer, as one document.
         */
        CustomerExport: {
            /** @description as their events carry them: no url or client_secret */
            checkout_sessions: components["schemas"]["CheckoutSessionEventObject"][];
            customer: string;
            emails: components["schemas"]["CustomerExportEmail"][];
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
            refund_requests: components["schemas"]["CustomerExportRefundRequest"][];
            subscriptions: components["schemas"]["Subscription"][];
            /** @description sent or received */
            transfers: components["schemas"]["Transfer"][];
            /** @description by mode */
            wallet: {
                [key: string]: components["schemas"]["CustomerBalance"];
            };
            withdrawals: components["schemas"]["Withdrawal"][];
        };
        /** CustomerExportEmail */
        CustomerExportEmail: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created: string;
            /** @enum {string} */
            kind: "receipt" | "payment_failed" | "trial_ending" | "canceled" | "paused";
            /**
             * @description a receipt's order
             * @default null
             */
            order?: string | null;
            /**
             * @description why it was not sent
             * @default null
             */
            reason?: string | null;
            recipient: string;
            /**
             * Format: date-time
             * @default null
             * @example 2026-11-27T15:07:48Z
             */
            sent_at?: string | null;
            /** @description pending, sending, sent, failed, skipped, or withheld (test mode: not sent to an address outside the merchant's team) */
            status: string;
            /**
             * @description a subscription email's contract
             * @default null
             */
            subscription?: string | null;
        };
        /** CustomerExportRefundRequest */
        CustomerExportRefundRequest: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created: string;
            /** @default null */
            device?: string | null;
            id: string;
            /** @default null */
            ip?: string | null;
            order: string;
            reason: string;
            status: string;
        };
        /** Deleted */
        Deleted: {
            /** @constant */
            deleted: true;
            id: string;
            /** @description the kind of object deleted (risk_rule, webhook_endpoint, …) */
            object: string;
        };
        /**
         * Discount
         * @description A discount line of a quote or an order: the coupon that gave it.
         */
        Discount: {
            amount: number;
            coupon: string;
            description: string;
        };
        /**
         * Discrepancy
         * @description One thing a channel's statement and Kassa disagree on.
         */
        Discrepancy: {
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * @description the provider line's currency (Kassa's record's when no line lists it); each side's own is in kassa.currency and provider.currency
             * @example usd
             */
            currency: string;
            /**
             * Format: date
             * @example 2026-11-26
             */
            date: string;
            id: string;
            kassa: components["schemas"]["DiscrepancySide"];
            /** @description the attempt, refund, payout, dispute or order it concerns (the disputed or refunded payment, for a dispute or refund Kassa has no record of); null when the line names nothing of Kassa's */
            kassa_object: string | null;
            /** @enum {string} */
            kind: "missing_in_kassa" | "missing_at_provider" | "amount_mismatch" | "status_mismatch" | "duplicate";
            /**
             * @description adjustment: any other movement on the provider's balance (a refund failure, the provider's own fees), which Kassa books nothing for
             * @enum {string}
             */
            line_type: "capture" | "refund" | "payout" | "dispute" | "dispute_fee" | "dispute_reversal" | "adjustment";
            /** @constant */
            object: "discrepancy";
            provider: components["schemas"]["DiscrepancySide"];
            provider_id: string | null;
            /** @description what the line (or Kassa's record) is called: the reference Kassa sent, the provider's dispute id on a dispute's lines, the provider's refund id on a refund Kassa never made, or the provider's id on a line that names nothing of Kassa's */
            reference: string;
            resolution: ("auto" | "corrected" | "accepted" | "written_off") | null;
            resolution_note: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            resolved_at: string | null;
            resolved_by: string | null;
            /** @description the run that first found it */
            run: string;
            /** @enum {string} */
            status: "open" | "resolved";
        };
        /**
         * DiscrepancyList
         * @description A page of Discrepancy objects, oldest cursor first; pass the last id as starting_after.
         */
        DiscrepancyList: {
            data: components["schemas"]["Discrepancy"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** DiscrepancyListQuery */
        DiscrepancyListQuery: {
            /** @default null */
            kind?: ("missing_in_kassa" | "missing_at_provider" | "amount_mismatch" | "status_mismatch" | "duplicate") | null;
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /** @default null */
            starting_after?: string | null;
            /** @default null */
            status?: ("open" | "resolved") | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * DiscrepancySide
         * @description What one side (Kassa or the provider) says of the line.
         */
        DiscrepancySide: {
            amount: number | null;
            /**
             * @description the currency that side booked the amount in; null when it has no amount
             * @example usd
             */
            currency: string | null;
            /** @description the channel's fee on the line as the statement writes it (kept on a capture, negative when given back on a refund or a dispute's withdrawal, positive on a won dispute's reversal); null unless both sides call the line succeeded */
            fee: number | null;
            status: string | null;
        };
        /**
         * Dispute
         * @description A chargeback: the shopper's bank took the payment's money back, and the merchant may answer with evidence.
         */
        Dispute: {
            /** @description what the shopper's bank took back (minor units) */
            amount: number;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            closed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            /** @description what the merchant sent the provider (null in the events a publishable key reads) */
            evidence: string | null;
            /**
             * Format: date-time
             * @description evidence is taken until then, while the status is needs_response
             * @example 2026-11-27T15:07:48Z
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
            /** @enum {string} */
            status: "needs_response" | "under_review" | "won" | "lost";
        };
        DisputeEventObject: {
            /** @description what the shopper's bank took back (minor units) */
            amount: number;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            closed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            /** @description what the merchant sent the provider (null in the events a publishable key reads) */
            evidence: string | null;
            /**
             * Format: date-time
             * @description evidence is taken until then, while the status is needs_response
             * @example 2026-11-27T15:07:48Z
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
            /** @enum {string} */
            status: "needs_response" | "under_review" | "won" | "lost";
        };
        /** DisputeEvidenceInput */
        DisputeEvidenceInput: {
            /** @description the merchant's evidence, sent to the provider as it is (leading and trailing spaces dropped) */
            text: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * DisputeList
         * @description A page of Dispute objects, oldest cursor first; pass the last id as starting_after.
         */
        DisputeList: {
            data: components["schemas"]["Dispute"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** DisputeListQuery */
        DisputeListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description only the disputes of this order (ord_…)
             * @default null
             */
            order?: string;
            /**
             * @description the id of the last item of the page before
             * @default null
             */
            starting_after?: string;
            /**
             * @description only disputes in this status
             * @default null
             * @enum {string}
             */
            status?: "needs_response" | "under_review" | "won" | "lost";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Entitlements
         * @description What a customer holds: membership end, credit balance, grants.
         */
        Entitlements: {
            credits: number;
            customer: string;
            grants: components["schemas"]["EntitlementsGrant"][];
            livemode: boolean;
            membership: components["schemas"]["EntitlementsMembership"] | null;
            /** @constant */
            object: "entitlements";
        };
        /** EntitlementsGrant */
        EntitlementsGrant: {
            credits: number | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            granted_at: string;
            /** @enum {string} */
            kind: "membership" | "credits";
            membership_days: number | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            membership_until: string | null;
            order: string;
            /** @description what a full refund of the order took back (what the customer still held) */
            taken_back: components["schemas"]["EntitlementsTakenBack"] | null;
        };
        /** EntitlementsMembership */
        EntitlementsMembership: {
            active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            until: string;
        };
        /** EntitlementsTakenBack */
        EntitlementsTakenBack: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            at: string;
            credits: number;
            membership_days: number;
        };
        /** Error */
        Error: {
            error: components["schemas"]["ErrorDetail"];
        };
        /** ErrorDetail */
        ErrorDetail: {
            /** @description what went wrong, for code to branch on (parameter_invalid, order_state_invalid, …) */
            code: string;
            /** @description what to fix, for people */
            message: string;
            /**
             * @description the field to fix, as the client named it (items[0].sku)
             * @default null
             */
            param?: string | null;
            /** @description the X-Request-Id of this response */
            request_id: string;
            /** @enum {string} */
            type: "invalid_request_error" | "authentication_error" | "permission_error" | "rate_limit_error" | "risk_error" | "channel_error" | "api_error";
        };
        /**
         * Event
         * @description Something that happened to one of the merchant's objects, exactly as webhooks deliver it.
         */
        Event: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            data: components["schemas"]["EventData"];
            /** @example evt_1a2b3c */
            id: string;
            livemode: boolean;
            /** @constant */
            object: "event";
            /** @description the request that created the order (or caused the event) */
            request_id: string | null;
            /**
             * @description present only on a sample sent by POST /webhook_endpoints/{id}/test
             * @constant
             */
            test_webhook?: true;
            /**
             * @description what happened, e.g. order.paid
             * @example order.paid
             */
            type: string;
        };
        /** EventData */
        EventData: {
            /** @description the object the event is about, as it stood then (carries livemode too); its shape per type is in the webhooks section */
            object: {
                [key: string]: unknown;
            };
        };
        /**
         * EventList
         * @description A page of Event objects, oldest cursor first; pass the last id as starting_after.
         */
        EventList: {
            data: components["schemas"]["Event"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** EventListQuery */
        EventListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /** @description the id of the last item of the page before */
            starting_after?: string;
            /**
             * @description only events of this type
             * @enum {string}
             */
            type?: "order.created" | "order.paying" | "order.paid" | "order.fulfilled" | "order.completed" | "order.refunding" | "order.refunded" | "order.closed" | "payment.succeeded" | "payment.failed" | "payment.canceled" | "payment.captured_on_inactive_order" | "checkout_session.completed" | "refund.succeeded" | "refund.failed" | "subscription.activated" | "subscription.renewed" | "subscription.past_due" | "subscription.canceled" | "settlement.paid" | "dispute.created" | "dispute.updated" | "dispute.closed" | "risk.review_opened" | "risk.review_approved" | "risk.review_rejected" | "risk.blocked" | "subscription.created" | "subscription.updated" | "subscription.paused" | "subscription.resumed" | "subscription.renewal_upcoming" | "subscription.renewal_failed" | "subscription.expired" | "settlement.created" | "payout.failed" | "reconciliation.discrepancy" | "withdrawal.created" | "withdrawal.paid" | "withdrawal.failed" | "transfer.created";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * FulfilmentReportInput
         * @description How the merchant's system ended a fulfilment it took to deliver later (its webhook answered 202).
         */
        FulfilmentReportInput: {
            /**
             * @description why it failed (or a note), kept on the order's timeline
             * @default null
             */
            reason?: string | null;
            /**
             * @description succeeded: the order is fulfilled (and confirmed later, as any); failed: Kassa refunds it
             * @enum {string}
             */
            status: "succeeded" | "failed";
            /**
             * @description one part of a split order (so_…): succeeded delivers that part (the order is fulfilled once every live part is); failed refunds what remains of it and ends it failed. Left out: the whole order
             * @default null
             */
            sub_order?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * ItemInput
         * @description A line of a basket: a SKU and how many.
         */
        ItemInput: {
            /** @default 1 */
            quantity?: number;
            /** @example sku_1a2b3c */
            sku: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** @description any JSON value without NUL characters and with integers within 64 bits */
        JsonValue: unknown;
        /**
         * LineChannel
         * @description A channel as the line's shoppers are offered it.
         */
        LineChannel: {
            code: string;
            /** @description in force for the line: its own setting, else the merchant's */
            enabled: boolean;
            /** @description true: the line sets nothing of its own for this channel */
            inherited: boolean;
            /** @description the name shoppers see (the merchant's display name, else the channel's) */
            name: string;
            /** @constant */
            object: "line_channel";
            overrides: components["schemas"]["LineChannelOverrides"];
            /** @description in force for the line (lowest first): its own, else the merchant's */
            priority: number;
        };
        /**
         * LineChannelInput
         * @description One channel's settings in the line; a field left out stays as it is, null clears the line's own (the
         *     merchant's setting applies again).
         */
        LineChannelInput: {
            /** @description the channel's code (sandbox_card, wallet, …) */
            code: string;
            /**
             * @description whether the line's shoppers are offered it; null: the merchant's setting
             * @default null
             */
            enabled?: boolean | null;
            /**
             * @description its place for the line's shoppers, 0 (first) to 10000; null: the merchant's
             * @default null
             */
            priority?: number | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * LineChannelList
         * @description Every channel, in the order the line's shoppers see them (disabled ones in their place).
         */
        LineChannelList: {
            /** @description the line's id (bl_…) */
            business_line: string;
            data: components["schemas"]["LineChannel"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /**
         * LineChannelOverrides
         * @description What the line sets itself (null: the merchant's setting applies).
         */
        LineChannelOverrides: {
            enabled: boolean | null;
            priority: number | null;
        };
        /**
         * LineChannelsInput
         * @description The line's channels to change; channels not named keep their settings.
         */
        LineChannelsInput: {
            channels: components["schemas"]["LineChannelInput"][];
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Money
         * @description An amount in minor units of its currency.
         */
        Money: {
            amount: number;
            /** @example usd */
            currency: string;
        };
        /** MoneyInput */
        MoneyInput: {
            amount: number;
            /**
             * @description lowercase ISO 4217
             * @example usd
             * @enum {string}
             */
            currency: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * NoAction
         * @description Nothing for the client to follow.
         */
        NoAction: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "none";
        };
        /**
         * Order
         * @description An order: its lines, amounts, customer, state, timeline and payments.
         */
        Order: {
            /** @description the agreement accepted with the last payment started; null: none yet, or the channel has none */
            agreement: components["schemas"]["OrderAgreement"] | null;
            amount: components["schemas"]["OrderAmount"];
            /** @description the channels it may be paid with now; none for an order of nothing, nor once it is not created */
            available_channels: components["schemas"]["OrderChannel"][];
            /**
             * @description the business line's id (bl_…) the order belongs to; null: the merchant's default
             * @default null
             */
            business_line?: string | null;
            /** @description the checkout session the order was made through */
            checkout_session: string | null;
            client_secret: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: components["schemas"]["OrderCustomer"];
            discounts: components["schemas"]["Discount"][];
            /** @description chargebacks of the order's payment; an open or lost one's amount can no longer be refunded */
            disputes: components["schemas"]["OrderDispute"][];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items: components["schemas"]["OrderItem"][];
            /** @enum {string} */
            kind: "purchase" | "topup";
            /** @description false for orders made with test keys (or a test-mode page) */
            livemode: boolean;
            metadata: {
                [key: string]: unknown;
            };
            /** @constant */
            object: "order";
            payments: components["schemas"]["Payment"][];
            refunded_amount: number;
            refunds: components["schemas"]["Refund"][];
            /** @description the risk assessment of the order: allow, review or block, and why */
            risk: components["schemas"]["RiskAssessment"];
            /** @enum {string} */
            status: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
            /** @description only for orders whose lines clear to different partners (or products) */
            sub_orders: components["schemas"]["OrderSubOrder"][];
            timeline: components["schemas"]["OrderTimelineEntry"][];
            /**
             * Format: uri
             * @description the order's hosted page (it carries the client secret): send the shopper there to pay it, a subscription's first order and a renewal included, or to see how it went
             */
            url: string;
        };
        /**
         * OrderAgreement
         * @description What the shopper agreed to when paying: the channel's agreement template version and its exact text.
         */
        OrderAgreement: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            accepted_at: string;
            channel: string;
            language: string;
            /** @description the text as the shopper's page showed it, placeholders filled */
            text: string;
            /** @description the template's version (each save of the channel's agreement adds one) */
            version: number;
        };
        /** OrderAmount */
        OrderAmount: {
            /** @example usd */
            currency: string;
            discount: number;
            subtotal: number;
            total: number;
        };
        /**
         * OrderChannel
         * @description A channel the order may be paid with now.
         */
        OrderChannel: {
            code: string;
            icon: string;
            name: string;
        };
        /**
         * OrderCreated
         * @description The order made; with ``pay``, also the payment started in the same call (or why it could not start).
         */
        OrderCreated: {
            /** @description the agreement accepted with the last payment started; null: none yet, or the channel has none */
            agreement: components["schemas"]["OrderAgreement"] | null;
            amount: components["schemas"]["OrderAmount"];
            /** @description the channels it may be paid with now; none for an order of nothing, nor once it is not created */
            available_channels: components["schemas"]["OrderChannel"][];
            /**
             * @description the business line's id (bl_…) the order belongs to; null: the merchant's default
             * @default null
             */
            business_line?: string | null;
            /** @description the checkout session the order was made through */
            checkout_session: string | null;
            client_secret: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: components["schemas"]["OrderCustomer"];
            discounts: components["schemas"]["Discount"][];
            /** @description chargebacks of the order's payment; an open or lost one's amount can no longer be refunded */
            disputes: components["schemas"]["OrderDispute"][];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items: components["schemas"]["OrderItem"][];
            /** @enum {string} */
            kind: "purchase" | "topup";
            /** @description false for orders made with test keys (or a test-mode page) */
            livemode: boolean;
            metadata: {
                [key: string]: unknown;
            };
            /** @constant */
            object: "order";
            /**
             * @description only with pay: the payment started and what the client does next (its next_action); null when it could not start (payment_error says why) or the order costs nothing (it is paid already)
             * @default null
             */
            payment?: components["schemas"]["PaymentWithAction"] | null;
            /**
             * @description only with pay, when the payment could not start: the error POST /orders/{id}/pay would have answered (risk_blocked, channel_unavailable, …). The order is made all the same: pay it with that route
             * @default null
             */
            payment_error?: components["schemas"]["ErrorDetail"] | null;
            payments: components["schemas"]["Payment"][];
            refunded_amount: number;
            refunds: components["schemas"]["Refund"][];
            /** @description the risk assessment of the order: allow, review or block, and why */
            risk: components["schemas"]["RiskAssessment"];
            /** @enum {string} */
            status: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
            /** @description only for orders whose lines clear to different partners (or products) */
            sub_orders: components["schemas"]["OrderSubOrder"][];
            timeline: components["schemas"]["OrderTimelineEntry"][];
            /**
             * Format: uri
             * @description the order's hosted page (it carries the client secret): send the shopper there to pay it, a subscription's first order and a renewal included, or to see how it went
             */
            url: string;
        };
        /** OrderCustomer */
        OrderCustomer: {
            email: string | null;
            id: string;
            /**
             * @description how the customer was established; only secret_key and checkout_session (verified) may use the customer's wallet. A publishable_key customer's id is pk:<the id sent>, a customer apart from the merchant's customer of that name
             * @enum {string}
             */
            source: "secret_key" | "checkout_session" | "publishable_key" | "guest";
            verified: boolean;
        };
        /** OrderCustomerInput */
        OrderCustomerInput: {
            /**
             * @description where the receipt is emailed once the order is paid
             * @default null
             */
            email?: string | null;
            /** @description the merchant's reference for the customer */
            id: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** OrderDispute */
        OrderDispute: {
            amount: number;
            id: string;
            /** @enum {string} */
            status: "needs_response" | "under_review" | "won" | "lost";
        };
        OrderEventObject: {
            amount: components["schemas"]["OrderAmount"];
            /**
             * @description the business line's id (bl_…) the order belongs to; null: the merchant's default
             * @default null
             */
            business_line: string | null;
            /** @description the checkout session the order was made through */
            checkout_session: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: components["schemas"]["OrderCustomer"];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items: components["schemas"]["OrderItem"][];
            /** @enum {string} */
            kind: "purchase" | "topup";
            livemode: boolean;
            metadata: {
                [key: string]: unknown;
            };
            /** @constant */
            object: "order";
            refunded_amount: number;
            /** @description the risk assessment of the order: allow, review or block, and why */
            risk: components["schemas"]["RiskAssessment"];
            /** @enum {string} */
            status: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
        };
        /** OrderEventsQuery */
        OrderEventsQuery: {
            /** @description the order's client secret: required with a publishable key */
            client_secret?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        OrderFulfilmentFailedEventObject: {
            amount: components["schemas"]["OrderAmount"];
            /**
             * @description the business line's id (bl_…) the order belongs to; null: the merchant's default
             * @default null
             */
            business_line: string | null;
            /** @description the checkout session the order was made through */
            checkout_session: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: components["schemas"]["OrderCustomer"];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            expires_at: string;
            id: string;
            items: components["schemas"]["OrderItem"][];
            /** @enum {string} */
            kind: "purchase" | "topup";
            livemode: boolean;
            metadata: {
                [key: string]: unknown;
            };
            /** @constant */
            object: "order";
            reason: string;
            refunded_amount: number;
            /** @description the risk assessment of the order: allow, review or block, and why */
            risk: components["schemas"]["RiskAssessment"];
            /** @enum {string} */
            status: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
        };
        /** OrderInput */
        OrderInput: {
            /**
             * @description the customer accepted the agreement; anything else is 422 agreement_required
             * @default null
             * @constant
             */
            agreement_accepted: true;
            /**
             * @description the business line's id (bl_…) or code; left out: its products' line, else the merchant's default
             * @default null
             */
            business_line?: string | null;
            /**
             * @description the client_secret of an open checkout session: the order is for its customer
             * @default null
             */
            checkout_session?: string | null;
            /** @default null */
            coupon?: string | null;
            /**
             * @description price every item from its price in this currency (lowercase ISO 4217, e.g. eur); each item must have one, else 400 currency_unavailable (param currency) naming the item and the currencies it is sold in. Left out: the items' default prices; with a checkout session that fixes its currency, leave it out or give that one
             * @default null
             */
            currency?: ("aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl" | "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VED" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL") | null;
            /**
             * @description secret key: the customer. Publishable key: only the merchant's reference for an unverified customer (never their wallet), at most 197 characters, kept as pk:<id>, apart from the customer of that name; leave it out to check out as a guest
             * @default null
             */
            customer?: components["schemas"]["OrderCustomerInput"] | null;
            /**
             * @description required, except with a checkout session that fixes the items
             * @default null
             */
            items?: components["schemas"]["ItemInput"][] | null;
            /**
             * @description the merchant's notes: at most 50 keys of at most 40 characters, each value a string, number, boolean or null of at most 500 characters
             * @default null
             */
            metadata?: {
                [key: string]: string | number | boolean | null;
            } | null;
            /**
             * @description start paying the order in the same call, as POST /orders/{id}/pay would (saves the shopper a round trip): the answer adds payment (with its next_action) or payment_error
             * @default null
             */
            pay?: components["schemas"]["PayAtOnce"] | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** OrderItem */
        OrderItem: {
            amount: number;
            name: string;
            product: string;
            quantity: number;
            sku: string;
            unit_amount: number;
        };
        /**
         * OrderList
         * @description A page of Order objects, oldest cursor first; pass the last id as starting_after.
         */
        OrderList: {
            data: components["schemas"]["Order"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** OrderListQuery */
        OrderListQuery: {
            /**
             * @description only this business line's orders (its id or code)
             * @default null
             */
            business_line?: string;
            /**
             * @description only orders created at or after
             * @default null
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            created_gte?: string | number;
            /**
             * @description only orders created at or before
             * @default null
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            created_lte?: string | number;
            /**
             * @description only this customer's orders
             * @default null
             */
            customer?: string;
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description the id of the last item of the page before
             * @default null
             */
            starting_after?: string;
            /**
             * @description only orders in this status
             * @default null
             * @enum {string}
             */
            status?: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * OrderStatusEvent
         * @description ``event: status``: the order's status and its latest payment, sent first and whenever either changes.
         */
        OrderStatusEvent: {
            /**
             * @description the order's id
             * @example ord_1a2b3c
             */
            order: string;
            /** @description null until a payment is attempted */
            payment: components["schemas"]["OrderStreamPayment"] | null;
            /** @enum {string} */
            status: "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";
        };
        /**
         * OrderStreamEnd
         * @description ``event: end``: the stream's last event, and why it ended.
         */
        OrderStreamEnd: {
            /**
             * @description decided: the order is paid or closed; timeout: ORDER_STREAM_SECONDS passed (reconnect); gone: the order no longer exists; unavailable: the database went away (poll the order meanwhile); poll: no stream here (poll the order)
             * @enum {string}
             */
            reason: "decided" | "timeout" | "gone" | "unavailable" | "poll";
            /**
             * @description present (true) with reason timeout: open the stream again
             * @constant
             */
            reconnect?: true;
        };
        /**
         * OrderStreamPayment
         * @description The order's latest payment attempt.
         */
        OrderStreamPayment: {
            /** @example sandbox_card */
            channel: string;
            failure_reason: string | null;
            /** @example pay_1a2b3c */
            id: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "unknown" | "canceled";
        };
        /** OrderSubOrder */
        OrderSubOrder: {
            amount: components["schemas"]["OrderSubOrderAmount"];
            /** @description set when the merchant splits by product category */
            category: string | null;
            id: string;
            items: {
                [key: string]: unknown;
            }[];
            /** @constant */
            object: "sub_order";
            partner: string;
            /** @description set when the merchant splits by product */
            product: string | null;
            /** @description what refunds gave back of it: its own, and its share of the order's refunds */
            refunded_amount: number;
            /** @description canceled or failed when it ended before delivery (what remained of it refunded); refunded once refunds gave back its whole total (or the order is refunded); partially_refunded while part of it was; completed once its receipt was confirmed (or the order completed); fulfilled once it was delivered (or the order was fulfilled); else the order's status */
            status: string;
        };
        /** OrderSubOrderAmount */
        OrderSubOrderAmount: {
            /** @example usd */
            currency: string;
            discount: number;
            subtotal: number;
            total: number;
        };
        /** OrderTimelineEntry */
        OrderTimelineEntry: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            at: string;
            /** @description Kassa's note for the merchant (secret key), which may quote the merchant's own words; for a publishable key a neutral sentence per kind of entry */
            reason: string | null;
            status: string;
        };
        /**
         * Partner
         * @description A party the merchant shares revenue with; self is the merchant itself.
         */
        Partner: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @enum {string} */
            cycle: "daily" | "weekly" | "monthly";
            /** @description self for the merchant itself */
            id: string;
            name: string;
            /** @constant */
            object: "partner";
            /** @description the key's mode's: under a test key the test account, which only test settlements pay to */
            payout_account: string | null;
            reserve_bps: number;
            reserve_days: number;
            self: boolean;
        };
        /**
         * PartnerInput
         * @description A partner to add: its payout account and reserve are those of the key's mode.
         */
        PartnerInput: {
            /**
             * @default daily
             * @enum {string}
             */
            cycle?: "daily" | "weekly" | "monthly";
            name: string;
            /**
             * @description where the key's mode's payouts go at the provider (a test key sets the test account, never the live one): 4-100 letters, digits, spaces or _ . - / :
             * @default null
             */
            payout_account?: string | null;
            /**
             * @description rolling reserve of the key's mode: share of each settlement's new takings held back (a released reserve is paid out whole)
             * @default 0
             */
            reserve_bps?: number;
            /** @default 0 */
            reserve_days?: number;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * PartnerList
         * @description A page of Partner objects, oldest cursor first; pass the last id as starting_after.
         */
        PartnerList: {
            data: components["schemas"]["Partner"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /**
         * PartnerPatch
         * @description What to change; a field left out stays as it is (self has no name of its own: one sent is ignored).
         */
        PartnerPatch: {
            /** @enum {string} */
            cycle?: "daily" | "weekly" | "monthly";
            name?: string;
            /**
             * @description where the key's mode's payouts go at the provider (a test key sets the test account, never the live one): 4-100 letters, digits, spaces or _ . - / :; null removes it
             * @default null
             */
            payout_account?: string | null;
            /** @description rolling reserve of the key's mode: share of each settlement's new takings held back (a released reserve is paid out whole) */
            reserve_bps?: number;
            reserve_days?: number;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** PayAtOnce */
        PayAtOnce: {
            /** @description the channel to pay with (its code) */
            channel: string;
            /**
             * @description as return_url of POST /orders/{id}/pay
             * @default null
             */
            return_url?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** PayInput */
        PayInput: {
            /**
             * @description required unless the order costs nothing (total 0, no subscription): such an order needs no channel, and one named for it is not used
             * @default null
             */
            channel?: string | null;
            /**
             * @description required with a publishable key (or in the query)
             * @default null
             */
            client_secret?: string | null;
            /**
             * @description a saved payment method of the order's customer (spm_…) to pay with in one press; its channel when channel is left out. Only for a customer the merchant's server vouched for (a checkout session or a secret key); a card whose issuer asks the shopper to authenticate answers a redirect next_action
             * @default null
             */
            payment_method?: string | null;
            /**
             * @description the merchant's page the shopper comes back to after a redirect channel, through Kassa, which adds kassa_order, kassa_client_secret and redirect_status (succeeded, failed or processing: a hint; read the order for the outcome); with a live publishable key, a page of the merchant's allowed origins. Default (left out or null): Kassa's order page
             * @default null
             */
            return_url?: string | null;
            /**
             * @description keep the card that pays for this customer's next purchases (the shopper ticked "Save this card for next time"); only for a vouched-for customer and a channel that saves cards
             * @default false
             * @enum {boolean}
             */
            save_payment_method?: true | false;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * PayResponse
         * @description The payment started, and what the client does next.
         */
        PayResponse: {
            /**
             * @description only with payment null: nothing for the client to follow
             * @default null
             */
            next_action?: components["schemas"]["NoAction"];
            /**
             * @description only with payment null: the order, paid
             * @default null
             */
            order?: components["schemas"]["Order"];
            /** @description null when the order costs nothing (a one-off order whose total is 0): it is completed without a payment, and is paid already */
            payment: components["schemas"]["PaymentWithAction"] | null;
        };
        /**
         * Payment
         * @description A payment of an order through a channel.
         */
        Payment: {
            amount: number;
            /** @description the provider's fingerprint of the card that paid, when known */
            card_fingerprint: string | null;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            failure_reason: string | null;
            id: string;
            /** @constant */
            object: "payment";
            order: string;
            provider_reference: string | null;
            /** @enum {string} */
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
            /** @example usd */
            currency: string;
            failure_reason: string | null;
            id: string;
            livemode: boolean;
            /** @constant */
            object: "payment";
            order: string;
            provider_reference: string | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "unknown" | "canceled";
        };
        /**
         * PaymentMethod
         * @description A card a vouched-for customer let the merchant keep (the checkout's "Save this card for next time").
         */
        PaymentMethod: {
            card: components["schemas"]["SavedCard"];
            /** @description the channel that keeps it; pay with it there */
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: string;
            id: string;
            livemode: boolean;
            /** @constant */
            object: "payment_method";
            /** @enum {string} */
            status: "active" | "removed";
        };
        /** PaymentMethodDeleted */
        PaymentMethodDeleted: {
            /** @constant */
            deleted: true;
            id: string;
            /** @constant */
            object: "payment_method";
        };
        /**
         * PaymentMethodList
         * @description A page of PaymentMethod objects, oldest cursor first; pass the last id as starting_after.
         */
        PaymentMethodList: {
            data: components["schemas"]["PaymentMethod"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** PaymentMethodListQuery */
        PaymentMethodListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description the id of the last item of the page before
             * @default null
             */
            starting_after?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * PaymentWithAction
         * @description A payment and what the client does next.
         */
        PaymentWithAction: {
            amount: number;
            /** @description the provider's fingerprint of the card that paid, when known */
            card_fingerprint: string | null;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            failure_reason: string | null;
            id: string;
            next_action: components["schemas"]["RedirectAction"] | components["schemas"]["QrAction"] | components["schemas"]["NoAction"];
            /** @constant */
            object: "payment";
            order: string;
            provider_reference: string | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "unknown" | "canceled";
        };
        /**
         * Payout
         * @description Money sent to a partner's (or a customer's) payout account.
         */
        Payout: {
            amount: number;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            destination: string | null;
            failure_reason: string | null;
            id: string;
            /** @constant */
            object: "payout";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            paid_at: string | null;
            provider_reference: string | null;
            /** @enum {string} */
            status: "pending" | "unknown" | "paid" | "failed";
            tries: number;
        };
        /**
         * PersonalCoupon
         * @description A single-use coupon only its customer's orders (of its mode) can use.
         */
        PersonalCoupon: {
            amount_off: number | null;
            /** @description what the shopper enters (or applies from their wallet at checkout) */
            code: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            currency: string | null;
            customer: string;
            description: string;
            id: string;
            kind: string;
            livemode: boolean;
            max_discount: number | null;
            min_subtotal: number | null;
            /** @constant */
            object: "coupon";
            percent_bps: number | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            valid_from: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            valid_until: string | null;
        };
        /**
         * PersonalCouponInput
         * @description Issue one personal coupon to the customer.
         */
        PersonalCouponInput: {
            /**
             * @description the coupon whose terms to issue (its template)
             * @example cpn_1a2b3c
             */
            coupon: string;
            /**
             * @description default: until the template's end
             * @default null
             */
            valid_days?: number | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * PersonalCouponList
         * @description The customer's coupons they can use now, soonest to expire first.
         */
        PersonalCouponList: {
            data: components["schemas"]["PersonalCoupon"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /**
         * PriceInput
         * @description A price: minor units of a currency (0 for a free option).
         */
        PriceInput: {
            amount: number;
            /**
             * @description ISO 4217, lowercase (or uppercase, read as lowercase)
             * @example usd
             * @enum {string}
             */
            currency: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl" | "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VED" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Product
         * @description A product on the merchant's catalog and its SKUs (a shopper's key sees the active ones).
         */
        Product: {
            attributes: {
                [key: string]: unknown;
            };
            /** @description the business line's id (bl_…); null: the merchant's default */
            business_line: string | null;
            /** @description the merchant's own grouping of products (e.g. games, skins); the category split strategy makes a sub-order of each; null or blank: none */
            category: string | null;
            /** Format: uri */
            checkout_url: string;
            description: string;
            id: string;
            images: string[];
            name: string;
            /** @constant */
            object: "product";
            /** @description T+N: days after an order completes before this product's lines may be settled (the longer of this and the clearing rule's hold_days counts); null: the rule's hold_days only */
            settlement_delay_days: number | null;
            skus: components["schemas"]["Sku"][];
            /** @enum {string} */
            status: "draft" | "active" | "archived";
        };
        /** ProductInput */
        ProductInput: {
            /**
             * @description at most 50 names with short text or number values
             * @default null
             */
            attributes?: {
                [key: string]: string | number | boolean;
            } | null;
            /**
             * @description the business line's id (bl_…) or code; null: the merchant's default
             * @default null
             */
            business_line?: string | null;
            /**
             * @description the merchant's own grouping of products (e.g. games, skins); the category split strategy makes a sub-order of each; null or blank: none
             * @default null
             */
            category?: string | null;
            /**
             * @description how the money of its sales is split between partners; null: all the merchant's
             * @default null
             */
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
            /** @default null */
            description?: string | null;
            name: string;
            /**
             * @description T+N: days after an order completes before this product's lines may be settled (the longer of this and the clearing rule's hold_days counts); null: the rule's hold_days only
             * @default null
             */
            settlement_delay_days?: number | null;
            /** @default null */
            skus?: components["schemas"]["SkuInput"][] | null;
            /**
             * @description null: active
             * @default null
             */
            status?: ("draft" | "active" | "archived") | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * ProductList
         * @description A page of Product objects, oldest cursor first; pass the last id as starting_after.
         */
        ProductList: {
            data: components["schemas"]["Product"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** ProductListQuery */
        ProductListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description text in the name or description
             * @default null
             */
            q?: string;
            /**
             * @description the id of the last item of the page before
             * @default null
             */
            starting_after?: string;
            /**
             * @description secret key only; default active
             * @default null
             * @enum {string}
             */
            status?: "draft" | "active" | "archived";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** ProductPatch */
        ProductPatch: {
            /**
             * @description at most 50 names with short text or number values
             * @default null
             */
            attributes?: {
                [key: string]: string | number | boolean;
            } | null;
            /**
             * @description the business line's id (bl_…) or code; null: the merchant's default
             * @default null
             */
            business_line?: string | null;
            /**
             * @description the merchant's own grouping of products (e.g. games, skins); the category split strategy makes a sub-order of each; null or blank: none
             * @default null
             */
            category?: string | null;
            /**
             * @description how the money of its sales is split between partners; null: all the merchant's
             * @default null
             */
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
            /** @default null */
            description?: string | null;
            /** @default null */
            name?: string;
            /**
             * @description T+N: days after an order completes before this product's lines may be settled (the longer of this and the clearing rule's hold_days counts); null: the rule's hold_days only
             * @default null
             */
            settlement_delay_days?: number | null;
            /**
             * @description null: active
             * @default null
             */
            status?: ("draft" | "active" | "archived") | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * QrAction
         * @description Show the QR code (image) for url; the payment waits until it is scanned and paid.
         */
        QrAction: {
            /**
             * Format: date-time
             * @description when the code stops being payable; the waiting payment is then failed and the order reopened for another try
             * @default null
             * @example 2026-11-27T15:07:48Z
             */
            expires_at?: string;
            image: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "qr";
            url: string;
        };
        /**
         * Quote
         * @description What a basket costs now, with no side effects.
         */
        Quote: {
            /** @description the channels the basket may be paid with now, highest priority first (none when it costs nothing) */
            available_channels: components["schemas"]["QuoteChannel"][];
            /** @example usd */
            currency: string;
            discount: number;
            discounts: components["schemas"]["Discount"][];
            lines: components["schemas"]["QuoteLine"][];
            /** @constant */
            object: "quote";
            subtotal: number;
            total: number;
        };
        /**
         * QuoteChannel
         * @description A channel a guest could pay this basket with now, as Kassa's hosted panel offers it.
         */
        QuoteChannel: {
            /** @description the terms a shopper accepts to pay with it; null: none */
            agreement_text: string | null;
            code: string;
            /** @description an image URL, or the name of one of Kassa's icons (card, qr, wallet, …) */
            icon: string;
            /** @description as the merchant named it, else Kassa's name in the quote's locale */
            name: string;
        };
        /** QuoteInput */
        QuoteInput: {
            /**
             * @description the business line (id or code) the order would be in, whose channels are offered; left out: its products' line, else the merchant's default (a line-scoped key: its own line)
             * @default null
             */
            business_line?: string | null;
            /**
             * @description a coupon code to apply
             * @default null
             */
            coupon?: string | null;
            /**
             * @description price every item from its price in this currency (lowercase ISO 4217, e.g. eur); each item must have one, else 400 currency_unavailable (param currency) naming the item and the currencies it is sold in. Left out: the items' default prices
             * @default null
             */
            currency?: ("aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl" | "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VED" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL") | null;
            items: components["schemas"]["ItemInput"][];
            /**
             * @description the language of the channels' names (Kassa's default names are translated)
             * @default null
             */
            locale?: ("en" | "de" | "fr") | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** QuoteLine */
        QuoteLine: {
            amount: number;
            name: string;
            quantity: number;
            sku: string;
            /** @description the SKU's price in the quote's currency */
            unit_amount: number;
        };
        /**
         * ReconciliationRun
         * @description A channel's statement of one day matched against Kassa's records; poll until status is done or failed.
         */
        ReconciliationRun: {
            /** @description settled by asking the provider */
            auto_resolved: number;
            channel: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * Format: date
             * @example 2026-11-26
             */
            date: string;
            discrepancies: components["schemas"]["ReconciliationRunCounts"];
            failure_reason: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            finished_at: string | null;
            id: string;
            /** @description statement lines that are this merchant's */
            lines: number;
            matched: number;
            /** @constant */
            object: "reconciliation_run";
            /** @enum {string} */
            status: "running" | "done" | "failed";
        };
        /**
         * ReconciliationRunCounts
         * @description How many discrepancies of each kind the run found.
         */
        ReconciliationRunCounts: {
            amount_mismatch: number;
            duplicate: number;
            missing_at_provider: number;
            missing_in_kassa: number;
            status_mismatch: number;
        };
        /** ReconciliationRunInput */
        ReconciliationRunInput: {
            /** @description a channel that publishes statements, e.g. sandbox_card */
            channel: string;
            /**
             * Format: date
             * @description the UTC day to reconcile, not in the future
             * @example 2026-11-26
             */
            date: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * ReconciliationRunList
         * @description A page of ReconciliationRun objects, oldest cursor first; pass the last id as starting_after.
         */
        ReconciliationRunList: {
            data: components["schemas"]["ReconciliationRun"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** ReconciliationRunListQuery */
        ReconciliationRunListQuery: {
            /**
             * @description only the runs of this channel
             * @default null
             */
            channel?: string | null;
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /** @default null */
            starting_after?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** RedemptionListQuery */
        RedemptionListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description the id of the last item of the page before
             * @default null
             */
            starting_after?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * RedirectAction
         * @description Send the shopper to url.
         */
        RedirectAction: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "redirect";
            /** Format: uri */
            url: string;
        };
        /**
         * Refund
         * @description A refund of an order, through the channel that captured it.
         */
        Refund: {
            amount: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            /** @description null for a publishable key */
            failure_reason: string | null;
            id: string;
            /** @constant */
            object: "refund";
            order: string;
            payment: string;
            /** @description null for a publishable key (the merchant's words) */
            reason: string | null;
            /** @description the customer's refund-abuse score when the refund was asked for (recorded, never refusing the merchant's refund); null for a publishable key */
            risk: components["schemas"]["RefundRisk"] | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /**
             * @description the sub-order refunded on its own; null: the order as a whole
             * @default null
             */
            sub_order?: string | null;
        };
        RefundEventObject: {
            amount: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
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
            risk: components["schemas"]["RefundRisk"] | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /**
             * @description the sub-order refunded on its own; null: the order as a whole
             * @default null
             */
            sub_order: string | null;
        };
        /**
         * RefundInput
         * @description What to give back; an empty body refunds all that remains.
         */
        RefundInput: {
            /**
             * @description minor units; default: all that remains
             * @default null
             */
            amount?: number | null;
            /**
             * @description the merchant's words, shown with the refund
             * @default null
             */
            reason?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** RefundRequest */
        RefundRequest: {
            id: string;
            /** @constant */
            object: "refund_request";
            /** @description why it scored so (secret key); empty for a publishable key, the shopper's browser: they name the signals a fraud ring would change */
            reasons: string[];
            /** @description the refund made at once, when approved */
            refund: string | null;
            /** @description the abuse score (secret key); null for a publishable key: against the status it would tell the merchant's refund_abuse cut-offs */
            score: number | null;
            /** @enum {string} */
            status: "approved" | "review" | "denied";
        };
        /**
         * RefundRequestCreated
         * @description The request, scored: approved (refunded in full at once), review (held for the merchant) or denied.
         */
        RefundRequestCreated: {
            refund_request: components["schemas"]["RefundRequest"];
        };
        /** RefundRequestInput */
        RefundRequestInput: {
            /**
             * @description the order's client secret, with a publishable key
             * @default null
             */
            client_secret?: string | null;
            /** @description why the shopper asks, in 1 to 500 characters */
            reason: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * RefundResponse
         * @description The refund: pending while the provider's answer is unknown (the order stays refunding and Kassa resolves it
         *     by the refund's reference); failed if the channel refused: retry it.
         */
        RefundResponse: {
            refund: components["schemas"]["Refund"];
        };
        /** RefundRisk */
        RefundRisk: {
            reasons: string[];
            score: number;
        };
        /**
         * ReviewDecision
         * @description The merchant's decision on what risk held for review: approve lets it through, reject refunds it.
         */
        ReviewDecision: {
            /** @enum {string} */
            decision: "approve" | "reject";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * RiskAssessment
         * @description What the merchant's risk settings made of an order or a withdrawal.
         */
        RiskAssessment: {
            /** @enum {string} */
            decision: "allow" | "review" | "block";
            /** @description why, in the merchant's words (its rules, its list entries' notes): read with the secret key; empty for a publishable key, the shopper's browser */
            reasons: string[];
            /**
             * @description the decision on a held order, once made
             * @default null
             */
            review?: components["schemas"]["RiskReview"] | null;
            score: number;
        };
        /**
         * RiskEventObject
         * @description app/risk/assessment.py, cards.py (the assessment) and review.py (the decision and who made it).
         */
        RiskEventObject: {
            /** @description who decided; "merchant" in the events a publishable key reads */
            by?: string;
            /** @enum {string} */
            decision: "allow" | "review" | "block" | "approve" | "reject";
            /** @description the order */
            id: string;
            /** @constant */
            object: "order";
            reasons?: string[];
            score?: number;
        };
        /** RiskImportError */
        RiskImportError: {
            /** @description the line of the CSV, counting from 1 */
            line: number;
            message: string;
        };
        /**
         * RiskImportReport
         * @description What a CSV import did.
         */
        RiskImportReport: {
            errors: components["schemas"]["RiskImportError"][];
            imported: number;
            /** @description lines whose kind and value were already listed in this mode */
            skipped: number;
        };
        /**
         * RiskListEntry
         * @description A block, allow or review list entry of one mode.
         */
        RiskListEntry: {
            /** @enum {string} */
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
            /** @enum {string} */
            kind: "customer" | "email" | "email_domain" | "ip" | "device" | "card_fingerprint";
            /** @description the mode the entry or rule belongs to: each mode has its own lists and rules, which only its keys read and change, and only its orders are assessed by */
            livemode: boolean;
            note: string | null;
            /** @constant */
            object: "risk_list_entry";
            value: string;
        };
        /**
         * RiskListEntryInput
         * @description A value to block, allow or send to review in the key's mode.
         */
        RiskListEntryInput: {
            /** @enum {string} */
            action: "block" | "allow" | "review";
            /**
             * @description ISO 8601 or unix seconds, in the future
             * @default null
             */
            expires_at?: (string | number) | null;
            /** @enum {string} */
            kind: "customer" | "email" | "email_domain" | "ip" | "device" | "card_fingerprint";
            /** @default null */
            note?: string | null;
            /** @description ip accepts an address or a CIDR range; leading and trailing spaces are dropped, emails and domains lower-cased */
            value: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * RiskListEntryList
         * @description A page of RiskListEntry objects, oldest cursor first; pass the last id as starting_after.
         */
        RiskListEntryList: {
            data: components["schemas"]["RiskListEntry"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** RiskListEntryListQuery */
        RiskListEntryListQuery: {
            /**
             * @description only entries of this kind
             * @enum {string}
             */
            kind?: "customer" | "email" | "email_domain" | "ip" | "device" | "card_fingerprint";
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /** @description the id of the last item of the page before */
            starting_after?: string;
            /** @description only entries of this value (with kind: as that kind stores it, e.g. a lower-cased email) */
            value?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** RiskReview */
        RiskReview: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            at: string;
            /** @description who decided (api, system:review-expiry, a portal user's email); "merchant" for a publishable key */
            by: string;
            /** @enum {string} */
            decision: "approve" | "reject";
        };
        /**
         * RiskRule
         * @description A risk rule of one mode.
         */
        RiskRule: {
            /** @enum {string} */
            action: "block" | "review";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            enabled: boolean;
            id: string;
            /** @enum {string} */
            kind: "velocity" | "amount_limit" | "first_purchase_limit" | "refund_abuse" | "currency_country_mismatch";
            /** @description the mode the entry or rule belongs to: each mode has its own lists and rules, which only its keys read and change, and only its orders are assessed by */
            livemode: boolean;
            /** @constant */
            object: "risk_rule";
            params: {
                [key: string]: unknown;
            };
        };
        /**
         * RiskRuleInput
         * @description A rule for the key's mode's orders (or wallet withdrawals).
         */
        RiskRuleInput: {
            /** @enum {string} */
            action: "block" | "review";
            /** @enum {string} */
            kind: "velocity" | "amount_limit" | "first_purchase_limit" | "refund_abuse" | "currency_country_mismatch";
            /** @description velocity: {by: customer|email|ip|device, window_seconds, max_count or max_amount with currency?}; amount_limit: {max_amount, currency?}; first_purchase_limit: {max_amount, currency?} (max_amount: minor units; with currency the rule applies to orders in it only, without it the same number in every currency); refund_abuse: {approve_below, deny_from} (scores 0-100 of shopper refund requests); currency_country_mismatch: {currencies: {usd: [US, CA], …}} (the shopper's country from TRUSTED_COUNTRY_HEADER); velocity (by customer) and amount_limit take applies_to: orders (default) or withdrawals (wallet withdrawals instead of orders) */
            params: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * RiskRuleList
         * @description Every rule of the key's mode, in creation order (one page: a mode holds at most 100).
         */
        RiskRuleList: {
            data: components["schemas"]["RiskRule"][];
            /** @constant */
            has_more: false;
            /** @constant */
            object: "list";
        };
        /**
         * RiskRulePreview
         * @description What the rule would have flagged of the mode's orders of the last 30 days; nothing was saved.
         */
        RiskRulePreview: {
            /** @enum {string} */
            action: "block" | "review";
            /** @description up to 20 order ids */
            examples: string[];
            /** @constant */
            object: "risk_rule_preview";
            /** @description the orders of the window */
            orders: number;
            since_days: number;
            would_flag: number;
        };
        /**
         * RiskRuleUpdate
         * @description What a rule may change; a field left out stays as it is.
         */
        RiskRuleUpdate: {
            /** @enum {string} */
            action?: "block" | "review";
            enabled?: boolean;
            /** @description velocity: {by: customer|email|ip|device, window_seconds, max_count or max_amount with currency?}; amount_limit: {max_amount, currency?}; first_purchase_limit: {max_amount, currency?} (max_amount: minor units; with currency the rule applies to orders in it only, without it the same number in every currency); refund_abuse: {approve_below, deny_from} (scores 0-100 of shopper refund requests); currency_country_mismatch: {currencies: {usd: [US, CA], …}} (the shopper's country from TRUSTED_COUNTRY_HEADER); velocity (by customer) and amount_limit take applies_to: orders (default) or withdrawals (wallet withdrawals instead of orders) */
            params?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        };
        /** SavedCard */
        SavedCard: {
            /** @description the card's brand as the provider names it (visa, mastercard, …) */
            brand: string | null;
            /** @description the card number's last four digits */
            last4: string | null;
        };
        /**
         * Settlement
         * @description A partner's takings of one window and currency, with the payout that pays them.
         */
        Settlement: {
            /** @description reserves released and other adjustments (signed) */
            adjustments: number;
            /**
             * @description GET /settlements/{id} of a merchant with business lines: what each line made of the net (the parts add up to net; business_line null: lines of no line, and reserves released)
             * @default null
             */
            business_lines?: components["schemas"]["SettlementLinePart"][] | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            /** @description channel and platform fees borne (positive) */
            fees: number;
            /** @description the partner's shares */
            gross: number;
            id: string;
            line_count: number;
            livemode: boolean;
            /** @description gross - fees - refunds + adjustments */
            net: number;
            /** @constant */
            object: "settlement";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            paid_at: string | null;
            partner: string;
            payout: components["schemas"]["Payout"] | null;
            /** @description net less the reserve held back */
            payout_amount: number;
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
            reserve_held: number;
            /** @enum {string} */
            status: "pending" | "paying" | "paid" | "failed";
        };
        /**
         * SettlementLine
         * @description A line of a settlement's statement.
         */
        SettlementLine: {
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            available_at: string | null;
            /** @description the ledger's own kind, e.g. reserve or reserve_release */
            detail: string | null;
            /**
             * Format: int64
             * @description the posting's: a partner's gross share of an order line and the fee it bears share one and always come on the same page
             */
            id: number;
            /** @enum {string} */
            kind: "share" | "fee" | "refund" | "adjustment";
            order: string | null;
            sku: string | null;
            sub_order: string | null;
        };
        /**
         * SettlementLineList
         * @description A page of SettlementLine objects, oldest cursor first; pass the last id as starting_after.
         */
        SettlementLineList: {
            data: components["schemas"]["SettlementLine"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /**
         * SettlementLinePart
         * @description One business line's part of a settlement.
         */
        SettlementLinePart: {
            adjustments: number;
            /** @description the line's id (bl_…); null: the merchant's default */
            business_line: string | null;
            fees: number;
            gross: number;
            net: number;
            refunds: number;
        };
        /** SettlementLineQuery */
        SettlementLineQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /** @default null */
            starting_after?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * SettlementList
         * @description A page of Settlement objects, oldest cursor first; pass the last id as starting_after.
         */
        SettlementList: {
            data: components["schemas"]["Settlement"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** SettlementListQuery */
        SettlementListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description a partner's id (self: the merchant's own share)
             * @default null
             */
            partner?: string | null;
            /** @default null */
            starting_after?: string | null;
            /** @default null */
            status?: ("pending" | "paying" | "paid" | "failed") | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Settlement
         * @description A partner's takings of one window and currency, with the payout that pays them.
         */
        SettlementPaidEventObject: {
            /** @description reserves released and other adjustments (signed) */
            adjustments: number;
            /**
             * @description GET /settlements/{id} of a merchant with business lines: what each line made of the net (the parts add up to net; business_line null: lines of no line, and reserves released)
             * @default null
             */
            business_lines?: components["schemas"]["SettlementLinePart"][] | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            /** @description channel and platform fees borne (positive) */
            fees: number;
            /** @description the partner's shares */
            gross: number;
            id: string;
            line_count: number;
            livemode: boolean;
            /** @description gross - fees - refunds + adjustments */
            net: number;
            /** @constant */
            object: "settlement";
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            paid_at: string | null;
            partner: string;
            payout: components["schemas"]["Payout"];
            /** @description net less the reserve held back */
            payout_amount: number;
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
            reserve_held: number;
            /** @enum {string} */
            status: "pending" | "paying" | "paid" | "failed";
        };
        /**
         * SettlementRun
         * @description The settlements cut.
         */
        SettlementRun: {
            /** @constant */
            object: "settlement_run";
            settlements: string[];
        };
        /** SettlementRunInput */
        SettlementRunInput: {
            /**
             * @description unix seconds or ISO 8601, at most 730 days from now: settle lines available before this instead of each partner's cycle
             * @default null
             */
            until?: (string | number) | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Sku
         * @description An option of a product, with its price (one per currency), stock and rules.
         */
        Sku: {
            /** @description how the money of its sales is split between partners; null: all the merchant's */
            clearing: null | {
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
            fulfilment: {
                credits?: number;
                membership_days?: number;
                /** Format: uri */
                webhook_url?: string;
            } | null;
            id: string;
            name: string;
            /** @constant */
            object: "sku";
            /** @description its default price, what orders are priced in without a currency */
            price: components["schemas"]["Money"];
            /** @description one per currency, the default included */
            prices: components["schemas"]["Money"][];
            product: string;
            /** @description units per customer; null: no limit */
            purchase_limit: number | null;
            specs: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "draft" | "active" | "archived";
            /** @description units left for this key's mode; null: unlimited */
            stock: number | null;
            subscription: components["schemas"]["SkuSubscription"] | null;
        };
        /** SkuInput */
        SkuInput: {
            /**
             * @description how the money of its sales is split between partners; null: all the merchant's
             * @default null
             */
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
            /**
             * @description membership_days or credits (one grant per order item, so not both), and/or webhook_url
             * @default null
             */
            fulfilment?: {
                credits?: number;
                membership_days?: number;
                /** Format: uri */
                webhook_url?: string;
            } | null;
            name: string;
            price: components["schemas"]["PriceInput"];
            /**
             * @description one per currency
             * @default null
             */
            prices?: components["schemas"]["PriceInput"][];
            /**
             * @description units per customer; null: no limit
             * @default null
             */
            purchase_limit?: number | null;
            /**
             * @description at most 50 names with short text or number values
             * @default null
             */
            specs?: {
                [key: string]: string | number | boolean;
            } | null;
            /**
             * @description null: active
             * @default null
             */
            status?: ("draft" | "active" | "archived") | null;
            /**
             * @description null: unlimited
             * @default null
             */
            stock?: number | null;
            /**
             * @description sold as a subscription of this period; null: a one-off purchase
             * @default null
             */
            subscription?: null | {
                /** @enum {unknown} */
                interval: "day" | "week" | "month" | "year";
                /** @default 1 */
                interval_count?: number;
                /** @description days a new contract runs free: the shopper signs the mandate with nothing charged, and the first period is charged when the trial ends (0 or left out: no trial; shown only when set); a customer has a product's trial once */
                trial_days?: number | null;
            };
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** SkuPatch */
        SkuPatch: {
            /**
             * @description how the money of its sales is split between partners; null: all the merchant's
             * @default null
             */
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
            /**
             * @description membership_days or credits (one grant per order item, so not both), and/or webhook_url
             * @default null
             */
            fulfilment?: {
                credits?: number;
                membership_days?: number;
                /** Format: uri */
                webhook_url?: string;
            } | null;
            /** @default null */
            name?: string;
            /** @default null */
            price?: components["schemas"]["PriceInput"];
            /**
             * @description one per currency
             * @default null
             */
            prices?: components["schemas"]["PriceInput"][];
            /**
             * @description units per customer; null: no limit
             * @default null
             */
            purchase_limit?: number | null;
            /**
             * @description at most 50 names with short text or number values
             * @default null
             */
            specs?: {
                [key: string]: string | number | boolean;
            } | null;
            /**
             * @description null: active
             * @default null
             */
            status?: ("draft" | "active" | "archived") | null;
            /**
             * @description null: unlimited
             * @default null
             */
            stock?: number | null;
            /**
             * @description sold as a subscription of this period; null: a one-off purchase
             * @default null
             */
            subscription?: null | {
                /** @enum {unknown} */
                interval: "day" | "week" | "month" | "year";
                /** @default 1 */
                interval_count?: number;
                /** @description days a new contract runs free: the shopper signs the mandate with nothing charged, and the first period is charged when the trial ends (0 or left out: no trial; shown only when set); a customer has a product's trial once */
                trial_days?: number | null;
            };
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** SkuSubscription */
        SkuSubscription: {
            /** @enum {string} */
            interval: "day" | "week" | "month" | "year";
            interval_count: number;
            /**
             * @description only when the SKU has one
             * @default null
             */
            trial_days?: number | null;
        };
        /**
         * SubOrderCancelInput
         * @description Why one part of a paid order is canceled; an empty body is fine.
         */
        SubOrderCancelInput: {
            /**
             * @description the merchant's words, shown with the refund
             * @default null
             */
            reason?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Subscription
         * @description A recurring contract (API.md: Subscriptions).
         */
        Subscription: {
            /** @description the agreement its customer accepted when paying the first order (which signs the mandate) */
            agreement: components["schemas"]["OrderAgreement"] | null;
            /**
             * @description the business line (bl_…) of the order that opened it; null: the merchant's default
             * @default null
             */
            business_line?: string | null;
            cancel_at_period_end: boolean;
            /** @description why it ends with its period (null while it renews): requested, the customer or the merchant asked (nothing revives it); mandate_revoked, the card's authorisation was withdrawn at the provider, and a new card the customer signs on their billing page renews it again */
            cancel_reason: ("requested" | "mandate_revoked") | null;
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
            customer: components["schemas"]["SubscriptionCustomer"];
            /** @description what the contract reconciliation found (fixed ones Kassa repaired) */
            findings: components["schemas"]["SubscriptionFinding"][];
            id: string;
            /** @enum {string} */
            interval: "day" | "week" | "month" | "year";
            interval_count: number;
            latest_order: string | null;
            livemode: boolean;
            mandate: components["schemas"]["SubscriptionMandate"] | null;
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
            renewals: components["schemas"]["SubscriptionRenewal"][];
            sku: string;
            /** @enum {string} */
            status: "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";
            test_clock: string | null;
            timeline: components["schemas"]["SubscriptionTimelineEntry"][];
            /** @description the free trial the contract was signed with (0: none): it is trialing for period 0, from the signing to the trial's end, with nothing charged; period 1, the first charged, starts then. 0 also when the SKU has a trial the customer has had: a customer (id, merchant, mode) who signed a contract on the product before has no trial again */
            trial_days: number;
        };
        /**
         * SubscriptionCancel
         * @description How to cancel.
         */
        SubscriptionCancel: {
            /**
             * @description true: it ends with the current (paid) period; false (the default): now
             * @default false
             */
            at_period_end?: boolean | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * SubscriptionCreated
         * @description The pending contract and its first order: paying that order activates it and signs the mandate.
         */
        SubscriptionCreated: {
            /** @description the first order: pay it to activate the contract */
            order: components["schemas"]["Order"];
            subscription: components["schemas"]["Subscription"];
        };
        /** SubscriptionCustomer */
        SubscriptionCustomer: {
            email: string | null;
            id: string;
        };
        /**
         * SubscriptionCustomerInput
         * @description Who signs the contract.
         */
        SubscriptionCustomerInput: {
            /**
             * @description where the receipts and the subscription's emails go
             * @default null
             */
            email?: string | null;
            /** @description secret key: the customer. Publishable key: only the merchant's reference for an unverified customer (never their wallet), at most 197 characters, kept as pk:<id> */
            id: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        SubscriptionEventObject: {
            /**
             * @description the business line (bl_…) of the order that opened it; null: the merchant's default
             * @default null
             */
            business_line: string | null;
            cancel_at_period_end: boolean;
            /** @description why it ends with its period (null while it renews): requested, the customer or the merchant asked (nothing revives it); mandate_revoked, the card's authorisation was withdrawn at the provider, and a new card the customer signs on their billing page renews it again */
            cancel_reason: ("requested" | "mandate_revoked") | null;
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
            customer: components["schemas"]["SubscriptionCustomer"];
            id: string;
            /** @enum {string} */
            interval: "day" | "week" | "month" | "year";
            interval_count: number;
            latest_order: string | null;
            livemode: boolean;
            mandate: components["schemas"]["SubscriptionMandate"] | null;
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
            renewal?: components["schemas"]["SubscriptionEventRenewal"];
            sku: string;
            /** @enum {string} */
            status: "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";
            test_clock: string | null;
            /** @description the free trial the contract was signed with (0: none): it is trialing for period 0, from the signing to the trial's end, with nothing charged; period 1, the first charged, starts then. 0 also when the SKU has a trial the customer has had: a customer (id, merchant, mode) who signed a contract on the product before has no trial again */
            trial_days: number;
        };
        /**
         * SubscriptionEventRenewal
         * @description The renewal a renewal event is about (app/signing/renewals/services.py).
         */
        SubscriptionEventRenewal: {
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
        /** SubscriptionFinding */
        SubscriptionFinding: {
            detail: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            fixed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            found_at: string;
            kind: string;
            period: number;
            /** @enum {string} */
            status: "open" | "fixed";
        };
        /**
         * SubscriptionInput
         * @description Open a subscription.
         */
        SubscriptionInput: {
            /**
             * @description the customer accepted the agreement: true (else 422 agreement_required)
             * @default null
             * @constant
             */
            agreement_accepted: true;
            /**
             * @description a coupon code: it discounts the first order only; every renewal charges the SKU's price
             * @default null
             */
            coupon?: string | null;
            /**
             * @description price the SKU in this currency (lowercase ISO 4217, e.g. eur); it must have a price there, else 400 currency_unavailable (param currency). Left out: the SKU's default price. The contract charges its first order and every renewal in it
             * @default null
             */
            currency?: ("aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl") | null;
            /**
             * @description required with a secret key; with a publishable key, left out (or null) the contract is a guest's
             * @default null
             */
            customer?: components["schemas"]["SubscriptionCustomerInput"] | null;
            /**
             * @description a SKU with subscription terms
             * @example sku_1a2b3c
             */
            sku: string;
            /**
             * @description test keys only: the contract lives on this clock
             * @default null
             */
            test_clock?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * SubscriptionList
         * @description A page of Subscription objects, oldest cursor first; pass the last id as starting_after.
         */
        SubscriptionList: {
            data: components["schemas"]["Subscription"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** SubscriptionListQuery */
        SubscriptionListQuery: {
            /**
             * @description only this business line's contracts (id or code)
             * @default null
             */
            business_line?: string | null;
            /**
             * @description only this customer's contracts
             * @default null
             */
            customer?: string | null;
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /** @default null */
            starting_after?: string | null;
            /**
             * @description only contracts in this status
             * @default null
             */
            status?: ("pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired") | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * SubscriptionMandate
         * @description The recurring agreement the first payment signed.
         */
        SubscriptionMandate: {
            channel: string;
            reference: string | null;
            /**
             * @description revoked: the shopper withdrew it at the provider; canceled: it ended with the subscription (canceled or expired), and Kassa canceled it at the provider
             * @enum {string}
             */
            status: "active" | "revoked" | "canceled";
        };
        /** SubscriptionRenewal */
        SubscriptionRenewal: {
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            due_at: string | null;
            last_error: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            next_attempt_at: string | null;
            order: string | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            paid_at: string | null;
            period: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            period_end: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            period_start: string;
            /** @enum {string} */
            status: "pending" | "paid" | "failed" | "canceled" | "skipped";
        };
        SubscriptionRenewalUpcomingEventObject: {
            /**
             * @description the business line (bl_…) of the order that opened it; null: the merchant's default
             * @default null
             */
            business_line: string | null;
            cancel_at_period_end: boolean;
            /** @description why it ends with its period (null while it renews): requested, the customer or the merchant asked (nothing revives it); mandate_revoked, the card's authorisation was withdrawn at the provider, and a new card the customer signs on their billing page renews it again */
            cancel_reason: ("requested" | "mandate_revoked") | null;
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
            customer: components["schemas"]["SubscriptionCustomer"];
            id: string;
            /** @enum {string} */
            interval: "day" | "week" | "month" | "year";
            interval_count: number;
            latest_order: string | null;
            livemode: boolean;
            mandate: components["schemas"]["SubscriptionMandate"] | null;
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
            renewal: components["schemas"]["SubscriptionUpcomingRenewal"];
            sku: string;
            /** @enum {string} */
            status: "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";
            test_clock: string | null;
            /** @description the free trial the contract was signed with (0: none): it is trialing for period 0, from the signing to the trial's end, with nothing charged; period 1, the first charged, starts then. 0 also when the SKU has a trial the customer has had: a customer (id, merchant, mode) who signed a contract on the product before has no trial again */
            trial_days: number;
        };
        /** SubscriptionTimelineEntry */
        SubscriptionTimelineEntry: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            at: string;
            reason: string;
            status: string;
        };
        /**
         * SubscriptionUpcomingRenewal
         * @description The renewal to come, not opened yet (no order, no status): its period, when it is due and the price it will
         *     charge at list price (a renewal hook may still amend it).
         */
        SubscriptionUpcomingRenewal: {
            /** @description the price it will charge, at list price */
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description when the renewal falls due
             * @example 2026-11-27T15:07:48Z
             */
            at: string;
            period: number;
        };
        /**
         * SubscriptionUpdate
         * @description The SKU that takes over at the next renewal: only sku can be changed.
         */
        SubscriptionUpdate: {
            /**
             * @description a subscription SKU with a price in the subscription's currency (else 400 sku_not_recurring or currency_mismatch)
             * @example sku_1a2b3c
             */
            sku: string;
        };
        /**
         * TestClock
         * @description A test clock: ready, or advancing while the worker runs what falls due.
         */
        TestClock: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            frozen_time: string;
            id: string;
            /** @constant */
            object: "test_clock";
            /**
             * @description advancing while the worker runs what falls due
             * @enum {string}
             */
            status: "ready" | "advancing";
        };
        /**
         * TestClockAdvance
         * @description Where to move the clock.
         */
        TestClockAdvance: {
            /**
             * @description ISO 8601 or unix seconds, after frozen_time and at most two years later
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            to: string | number;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * TestClockInput
         * @description A new clock.
         */
        TestClockInput: {
            /**
             * @description ISO 8601 or unix seconds, years 2000 to 2200
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            frozen_time: string | number;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * TestClockList
         * @description A page of TestClock objects, oldest cursor first; pass the last id as starting_after.
         */
        TestClockList: {
            data: components["schemas"]["TestClock"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** TestClockListQuery */
        TestClockListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /** @default null */
            starting_after?: string | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** Tier */
        Tier: {
            min_quantity: number;
            percent_bps: number;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Topup
         * @description A top-up of a customer's wallet: an order of kind topup.
         */
        Topup: {
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            customer: string;
            id: string;
            livemode: boolean;
            /** @constant */
            object: "topup";
            /** @enum {string} */
            status: "pending" | "succeeded" | "canceled" | "refunded";
        };
        /** TopupInput */
        TopupInput: {
            /** @description minor units; at most the currency's largest amount (a tenth of it for a top-up) */
            amount: number;
            /** @description the channel that takes the payment (not wallet) */
            channel: string;
            /**
             * @description publishable key only, required: the client_secret of a session for this customer
             * @default null
             */
            checkout_session?: string | null;
            /**
             * @description lowercase ISO 4217
             * @example usd
             * @enum {string}
             */
            currency: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * TopupResponse
         * @description Created
         */
        TopupResponse: {
            /** @description follow its next_action */
            payment: components["schemas"]["PaymentWithAction"];
            topup: components["schemas"]["Topup"];
        };
        /**
         * Transfer
         * @description A move of money from one customer's wallet to another's.
         */
        Transfer: {
            amount: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            description: string | null;
            from: string;
            id: string;
            livemode: boolean;
            /** @constant */
            object: "transfer";
            to: string;
        };
        /** TransferInput */
        TransferInput: {
            /** @description minor units; at most the currency's largest amount (a tenth of it for a top-up) */
            amount: number;
            /**
             * @description lowercase ISO 4217
             * @example usd
             * @enum {string}
             */
            currency: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl";
            /** @default null */
            description?: string | null;
            /** @description the receiving customer's id (not the sender) */
            to: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * TransferResponse
         * @description Created
         */
        TransferResponse: {
            transfer: components["schemas"]["Transfer"];
        };
        /**
         * WalletMovement
         * @description One journal entry's effect on the wallet, with the balances after it.
         */
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
            /** @example usd */
            currency: string;
            /** @description the running frozen balance after this movement */
            frozen_balance: number;
            frozen_change: number;
            /** @description the journal entry */
            id: string;
            /** @enum {string} */
            kind: "topup" | "payment_try" | "payment_confirm" | "payment_cancel" | "refund" | "topup_refund" | "topup_refund_released" | "withdrawal" | "withdrawal_paid" | "withdrawal_returned" | "transfer_in" | "transfer_out";
            /** @constant */
            object: "wallet_movement";
            order: string | null;
            reference: components["schemas"]["WalletMovementReference"];
        };
        /** WalletMovementReference */
        WalletMovementReference: {
            id: string;
            /** @enum {string} */
            type: "order" | "refund" | "withdrawal" | "transfer" | "entry";
        };
        /**
         * WalletStatement
         * @description A page of the wallet's movements in one currency, oldest first; pass the last id as starting_after.
         */
        WalletStatement: {
            /** @description null when the wallet has no movements yet */
            currency: string | null;
            customer: string;
            data: components["schemas"]["WalletMovement"][];
            has_more: boolean;
            livemode: boolean;
            /** @constant */
            object: "list";
        };
        /** WalletStatementCsvQuery */
        WalletStatementCsvQuery: {
            /**
             * @description required when the wallet holds more than one currency
             * @default null
             * @example usd
             * @enum {string}
             */
            currency?: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl";
            /**
             * @description unix seconds or ISO 8601 (inclusive)
             * @default null
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            from?: string | number;
            /**
             * @description unix seconds or ISO 8601 (exclusive)
             * @default null
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            to?: string | number;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** WalletStatementQuery */
        WalletStatementQuery: {
            /**
             * @description required when the wallet holds more than one currency
             * @default null
             * @example usd
             * @enum {string}
             */
            currency?: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl";
            /**
             * @description unix seconds or ISO 8601 (inclusive)
             * @default null
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            from?: string | number;
            /**
             * @description how many items a page holds
             * @default 100
             */
            limit?: number;
            /**
             * @description the id of the last movement you have
             * @default null
             */
            starting_after?: string;
            /**
             * @description unix seconds or ISO 8601 (exclusive)
             * @default null
             * @example 2026-11-27T15:07:48Z
             * @example 1795792068
             */
            to?: string | number;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * WebhookDelivery
         * @description A delivery of one event to one endpoint, as of its latest attempt.
         */
        WebhookDelivery: {
            attempts: number;
            /** @description the endpoint's id */
            endpoint: string;
            /** @description the event's id */
            event: string;
            /** @example whd_1a2b3c */
            id: string;
            /** @description what the endpoint answered last; null: no answer */
            last_status_code: number | null;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            next_attempt_at: string | null;
            /** @constant */
            object: "webhook_delivery";
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
        };
        /**
         * WebhookEndpoint
         * @description An endpoint Kassa POSTs events to (never its secret, but on create and roll).
         */
        WebhookEndpoint: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            enabled: boolean;
            /** @description event types, or ["*"] for every event */
            events: string[];
            /** @example we_1a2b3c */
            id: string;
            /** @description the mode of the key (or portal view) that made it: it receives only that mode's events, and only keys of that mode see or change it */
            livemode: boolean;
            /** @constant */
            object: "webhook_endpoint";
            /**
             * Format: date-time
             * @description after a roll, until when the old secret also signs (a second v1 in Kassa-Signature); null when only one secret signs
             * @example 2026-11-27T15:07:48Z
             */
            previous_secret_expires_at: string | null;
            /**
             * @description Stripe's name for enabled; a disabled endpoint receives nothing
             * @enum {string}
             */
            status: "enabled" | "disabled";
            /** Format: uri */
            url: string;
        };
        /**
         * WebhookEndpointCreated
         * @description The endpoint with its signing secret, shown in this answer only.
         */
        WebhookEndpointCreated: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            enabled: boolean;
            /** @description event types, or ["*"] for every event */
            events: string[];
            /** @example we_1a2b3c */
            id: string;
            /** @description the mode of the key (or portal view) that made it: it receives only that mode's events, and only keys of that mode see or change it */
            livemode: boolean;
            /** @constant */
            object: "webhook_endpoint";
            /**
             * Format: date-time
             * @description after a roll, until when the old secret also signs (a second v1 in Kassa-Signature); null when only one secret signs
             * @example 2026-11-27T15:07:48Z
             */
            previous_secret_expires_at: string | null;
            /** @description the signing secret (whsec_ prefix included in the HMAC key) */
            secret: string;
            /**
             * @description Stripe's name for enabled; a disabled endpoint receives nothing
             * @enum {string}
             */
            status: "enabled" | "disabled";
            /** Format: uri */
            url: string;
        };
        /**
         * WebhookEndpointDeleted
         * @description The endpoint is deleted; its pending deliveries stopped.
         */
        WebhookEndpointDeleted: {
            /** @constant */
            deleted: true;
            id: string;
            /** @constant */
            object: "webhook_endpoint";
        };
        /** WebhookEndpointInput */
        WebhookEndpointInput: {
            /** @description event types, or ["*"] for every event */
            events: ("checkout_session.completed" | "dispute.closed" | "dispute.created" | "dispute.updated" | "order.closed" | "order.completed" | "order.created" | "order.fulfilled" | "order.paid" | "order.paying" | "order.refunded" | "order.refunding" | "payment.canceled" | "payment.captured_on_inactive_order" | "payment.failed" | "payment.succeeded" | "payout.failed" | "reconciliation.discrepancy" | "refund.failed" | "refund.succeeded" | "risk.blocked" | "risk.review_approved" | "risk.review_opened" | "risk.review_rejected" | "settlement.created" | "settlement.paid" | "subscription.activated" | "subscription.canceled" | "subscription.created" | "subscription.expired" | "subscription.past_due" | "subscription.paused" | "subscription.renewal_failed" | "subscription.renewal_upcoming" | "subscription.renewed" | "subscription.resumed" | "subscription.updated" | "transfer.created" | "withdrawal.created" | "withdrawal.failed" | "withdrawal.paid")[] | "*"[];
            /**
             * Format: uri
             * @description an absolute http(s) URL on a public address
             * @example https://merchant.example/hooks
             */
            url: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * WebhookEndpointList
         * @description A page of WebhookEndpoint objects, oldest cursor first; pass the last id as starting_after.
         */
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** WebhookEndpointListQuery */
        WebhookEndpointListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /** @description the id of the last item of the page before */
            starting_after?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * WebhookEndpointUpdate
         * @description Only what changes: at least one of url, events, enabled or disabled.
         */
        WebhookEndpointUpdate: ({
            /** @description Stripe's spelling: the opposite of enabled */
            disabled?: boolean;
            /** @description false: no event is queued for it, and its pending deliveries stop */
            enabled?: boolean;
            /** @description event types, or ["*"] for every event */
            events?: ("checkout_session.completed" | "dispute.closed" | "dispute.created" | "dispute.updated" | "order.closed" | "order.completed" | "order.created" | "order.fulfilled" | "order.paid" | "order.paying" | "order.refunded" | "order.refunding" | "payment.canceled" | "payment.captured_on_inactive_order" | "payment.failed" | "payment.succeeded" | "payout.failed" | "reconciliation.discrepancy" | "refund.failed" | "refund.succeeded" | "risk.blocked" | "risk.review_approved" | "risk.review_opened" | "risk.review_rejected" | "settlement.created" | "settlement.paid" | "subscription.activated" | "subscription.canceled" | "subscription.created" | "subscription.expired" | "subscription.past_due" | "subscription.paused" | "subscription.renewal_failed" | "subscription.renewal_upcoming" | "subscription.renewed" | "subscription.resumed" | "subscription.updated" | "transfer.created" | "withdrawal.created" | "withdrawal.failed" | "withdrawal.paid")[] | "*"[];
            /**
             * Format: uri
             * @description an absolute http(s) URL on a public address
             * @example https://merchant.example/hooks
             */
            url?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        }) | unknown | unknown | unknown | unknown;
        /** WebhookSecretRoll */
        WebhookSecretRoll: {
            /**
             * @description how long the old secret keeps signing beside the new one; 0 retires it at once (null: the default)
             * @default 24
             */
            overlap_hours?: number | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * WebhookTest
         * @description Sent (the delivery says how the endpoint answered).
         */
        WebhookTest: {
            delivery: components["schemas"]["WebhookDelivery"];
            event: components["schemas"]["WebhookTestEvent"];
            /** @constant */
            object: "webhook_test";
        };
        /**
         * WebhookTestEvent
         * @description The sample event, marked as one.
         */
        WebhookTestEvent: {
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            data: components["schemas"]["EventData"];
            /** @example evt_1a2b3c */
            id: string;
            livemode: boolean;
            /** @constant */
            object: "event";
            /** @description the request that created the order (or caused the event) */
            request_id: string | null;
            /** @constant */
            test_webhook: true;
            /**
             * @description what happened, e.g. order.paid
             * @example order.paid
             */
            type: string;
        };
        /** WebhookTestInput */
        WebhookTestInput: {
            /**
             * @description an event type the endpoint listens to (default: order.paid if it does, else the first it listens to)
             * @enum {unknown}
             */
            type?: "checkout_session.completed" | "dispute.closed" | "dispute.created" | "dispute.updated" | "order.closed" | "order.completed" | "order.created" | "order.fulfilled" | "order.paid" | "order.paying" | "order.refunded" | "order.refunding" | "payment.canceled" | "payment.captured_on_inactive_order" | "payment.failed" | "payment.succeeded" | "payout.failed" | "reconciliation.discrepancy" | "refund.failed" | "refund.succeeded" | "risk.blocked" | "risk.review_approved" | "risk.review_opened" | "risk.review_rejected" | "settlement.created" | "settlement.paid" | "subscription.activated" | "subscription.canceled" | "subscription.created" | "subscription.expired" | "subscription.past_due" | "subscription.paused" | "subscription.renewal_failed" | "subscription.renewal_upcoming" | "subscription.renewed" | "subscription.resumed" | "subscription.updated" | "transfer.created" | "withdrawal.created" | "withdrawal.failed" | "withdrawal.paid" | null;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * Withdrawal
         * @description A withdrawal from a customer's wallet, with its payout.
         */
        Withdrawal: {
            amount: number;
            /**
             * Format: date-time
             * @example 2026-11-27T15:07:48Z
             */
            created_at: string;
            /** @example usd */
            currency: string;
            customer: string;
            destination: string;
            id: string;
            livemode: boolean;
            /** @constant */
            object: "withdrawal";
            /** @description the payout that moves the money to the destination */
            payout: components["schemas"]["Payout"];
            reviewed_by: string | null;
            /** @description the risk assessment of the withdrawal when it was asked for */
            risk: components["schemas"]["RiskAssessment"];
            /**
             * @description review: held for the merchant's decision; pending: the payout is on its way; paid; failed: the payout failed for good and the money is back in the wallet; canceled: rejected in review, the money is back
             * @enum {string}
             */
            status: "review" | "pending" | "paid" | "failed" | "canceled";
        };
        /** WithdrawalInput */
        WithdrawalInput: {
            /** @description minor units; at most the currency's largest amount (a tenth of it for a top-up) */
            amount: number;
            /**
             * @description lowercase ISO 4217
             * @example usd
             * @enum {string}
             */
            currency: "aed" | "afn" | "all" | "amd" | "ang" | "aoa" | "ars" | "aud" | "awg" | "azn" | "bam" | "bbd" | "bdt" | "bgn" | "bhd" | "bif" | "bmd" | "bnd" | "bob" | "brl" | "bsd" | "btn" | "bwp" | "byn" | "bzd" | "cad" | "cdf" | "chf" | "clp" | "cny" | "cop" | "crc" | "cup" | "cve" | "czk" | "djf" | "dkk" | "dop" | "dzd" | "egp" | "ern" | "etb" | "eur" | "fjd" | "fkp" | "gbp" | "gel" | "ghs" | "gip" | "gmd" | "gnf" | "gtq" | "gyd" | "hkd" | "hnl" | "htg" | "huf" | "idr" | "ils" | "inr" | "iqd" | "irr" | "isk" | "jmd" | "jod" | "jpy" | "kes" | "kgs" | "khr" | "kmf" | "kpw" | "krw" | "kwd" | "kyd" | "kzt" | "lak" | "lbp" | "lkr" | "lrd" | "lsl" | "lyd" | "mad" | "mdl" | "mga" | "mkd" | "mmk" | "mnt" | "mop" | "mru" | "mur" | "mvr" | "mwk" | "mxn" | "myr" | "mzn" | "nad" | "ngn" | "nio" | "nok" | "npr" | "nzd" | "omr" | "pab" | "pen" | "pgk" | "php" | "pkr" | "pln" | "pyg" | "qar" | "ron" | "rsd" | "rub" | "rwf" | "sar" | "sbd" | "scr" | "sdg" | "sek" | "sgd" | "shp" | "sle" | "sll" | "sos" | "srd" | "ssp" | "stn" | "svc" | "syp" | "szl" | "thb" | "tjs" | "tmt" | "tnd" | "top" | "try" | "ttd" | "twd" | "tzs" | "uah" | "ugx" | "usd" | "uyu" | "uzs" | "ved" | "ves" | "vnd" | "vuv" | "wst" | "xaf" | "xcd" | "xcg" | "xof" | "xpf" | "yer" | "zar" | "zmw" | "zwg" | "zwl";
            /** @description the customer's payout account at the provider: 4-100 letters, digits, spaces or _ . - / : */
            destination: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * WithdrawalList
         * @description A page of Withdrawal objects, oldest cursor first; pass the last id as starting_after.
         */
        WithdrawalList: {
            data: components["schemas"]["Withdrawal"][];
            has_more: boolean;
            /** @constant */
            object: "list";
        };
        /** WithdrawalListQuery */
        WithdrawalListQuery: {
            /**
             * @description how many items a page holds
             * @default 20
             */
            limit?: number;
            /**
             * @description the id of the last item of the page before
             * @default null
             */
            starting_after?: string;
        } & {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /**
         * WithdrawalResponse
         * @description Created
         */
        WithdrawalResponse: {
            withdrawal: components["schemas"]["Withdrawal"];
        };
        /** WithdrawalReviewDecision */
        WithdrawalReviewDecision: {
            /**
             * @description approve sends the payout; reject gives the money back to the wallet
             * @enum {string}
             */
            decision: "approve" | "reject";
        } & {
            [key: string]: components["schemas"]["JsonValue"];
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
                    /** @example evt_1a2b3c */
                    id: string;
                    livemode: boolean;
                    /** @constant */
                    object: "event";
                    /** @description the request that created the order (or caused the event) */
                    request_id: string | null;
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
