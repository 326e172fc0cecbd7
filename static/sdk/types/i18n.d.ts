/** The languages the SDK's own words speak (the same as Kassa's hosted checkout: en, de, fr), worded as the
 * checkout's translations word them (translations/<lang>/LC_MESSAGES/messages.po). Amounts follow the locale
 * through Intl.NumberFormat; they stay integers of minor units everywhere else. */
export type Locale = "en" | "de" | "fr";
export declare const LOCALES: readonly Locale[];
export declare const DEFAULT_LOCALE: Locale;
type Interval = "day" | "week" | "month" | "year";
export interface Messages {
    chooseOption: string;
    quantityRange: (max: number) => string;
    oneSubscriptionAtATime: string;
    chooseChannel: string;
    acceptTerms: string;
    waiting: string;
    paid: string;
    /** An order of nothing, completed without a payment. */
    complete: string;
    failed: string;
    /** The page cannot take payments (its setup is wrong), as Kassa's own refused panel says it. */
    unavailable: string;
    /** Why Pay did not buy, beside the form: a declined payment (with the provider's reason, when it gave one), an
     * order that closed, a lost connection. */
    notCompleted: (reason: string | null) => string;
    orderClosed: string;
    unreachable: string;
    /** "every month", "every 3 months" */
    every: (interval: Interval, count: number) => string;
    /** "$9.99 every month, cancel anytime" */
    recurring: (amount: string, every: string) => string;
    /** "14-day free trial, then $9.99 every month" */
    trial: (days: number, amount: string, every: string) => string;
    checkoutTitle: string;
    scanToPay: string;
    qrAlt: string;
    openPaymentPage: string;
    expiresIn: (time: string) => string;
    expired: string;
    afterExpiry: string;
    changeMethod: string;
    close: string;
}
/** The SDK's words in ``locale``. */
export declare function messagesFor(locale: Locale): Messages;
/** The locale to speak: the one asked for, else the browser's (``navigator.language``), each by its primary
 * subtag ("de-AT" is German), else English. */
export declare function resolveLocale(requested?: string | null, browser?: string | null): Locale;
/** The browser's language, where there is a browser. */
export declare function browserLanguage(): string | undefined;
/** Minor-unit exponents where Kassa's are not 2: the server's table (app/platform/values/currencies.py EXPONENTS),
 * which decides what a stored amount means, so it is copied rather than taken from the browser's Intl data (which
 * differs). */
export declare const MINOR_UNIT_EXPONENTS: Readonly<Record<string, number>>;
/** An amount in minor units, the locale's way ("$9.99", "9,99 $", "9,99 $US", "¥500"). */
export declare function formatMoney(amount: number, currency: string, locale?: Locale): string;
export {};
