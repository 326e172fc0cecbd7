/** The languages the SDK's own words speak (the same as Kassa's hosted checkout: en, de, fr), worded as the
 * checkout's translations word them (translations/<lang>/LC_MESSAGES/messages.po). Amounts follow the locale
 * through Intl.NumberFormat; they stay integers of minor units everywhere else. */

export type Locale = "en" | "de" | "fr";
export const LOCALES: readonly Locale[] = ["en", "de", "fr"];
export const DEFAULT_LOCALE: Locale = "en";

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

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many.replace("{n}", String(count)));

const EN: Messages = {
  chooseOption: "Choose one of the options.",
  quantityRange: (max) => `Enter a whole number from 1 to ${max}.`,
  oneSubscriptionAtATime: "A subscription is bought one at a time: set the quantity to 1.",
  chooseChannel: "Choose how you want to pay.",
  acceptTerms: "Please accept the terms to continue.",
  waiting: "Waiting for payment…",
  paid: "Payment successful",
  complete: "Order complete",
  failed: "Payment failed",
  unavailable: "Checkout unavailable",
  notCompleted: (reason) => (reason ? `The payment was not completed: ${reason}. No money was taken. You can try again.`
    : "The payment was not completed. No money was taken. You can try again."),
  orderClosed: "This order is closed",
  unreachable: "The page could not reach the server. Check your connection, then try again.",
  every: (interval, count) => plural(count, `every ${interval}`, `every {n} ${interval}s`),
  recurring: (amount, every) => `${amount} ${every}, cancel anytime`,
  trial: (days, amount, every) => `${days}-day free trial, then ${amount} ${every}`,
  checkoutTitle: "Checkout",
  scanToPay: "Scan to pay",
  qrAlt: "QR code to pay",
  openPaymentPage: "Open the payment page",
  expiresIn: (time) => `Expires in ${time}`,
  expired: "This code has expired",
  afterExpiry: "After that the code can no longer be paid; no money is taken and you can choose another way to pay.",
  changeMethod: "Change payment method",
  close: "Close",
};

const DE_EVERY: Record<Interval, [string, string]> = {
  day: ["täglich", "alle {n} Tage"], week: ["wöchentlich", "alle {n} Wochen"],
  month: ["monatlich", "alle {n} Monate"], year: ["jährlich", "alle {n} Jahre"],
};

const DE: Messages = {
  chooseOption: "Wählen Sie eine der Optionen.",
  quantityRange: (max) => `Geben Sie eine ganze Zahl von 1 bis ${max} ein.`,
  oneSubscriptionAtATime: "Ein Abonnement wird einzeln gekauft: Setzen Sie die Menge auf 1.",
  chooseChannel: "Wählen Sie, wie Sie bezahlen möchten.",
  acceptTerms: "Bitte akzeptieren Sie die Bedingungen, um fortzufahren.",
  waiting: "Warten auf die Zahlung…",
  paid: "Zahlung erfolgreich",
  complete: "Bestellung abgeschlossen",
  failed: "Zahlung fehlgeschlagen",
  unavailable: "Bezahlung nicht verfügbar",
  notCompleted: (reason) => (reason ? `Die Zahlung wurde nicht abgeschlossen: ${reason}. Es wurde kein Geld abgebucht. `
    + "Sie können es erneut versuchen." : "Die Zahlung wurde nicht abgeschlossen. Es wurde kein Geld abgebucht. Sie "
    + "können es erneut versuchen."),
  orderClosed: "Diese Bestellung ist geschlossen",
  unreachable: "Die Seite konnte den Server nicht erreichen. Prüfen Sie Ihre Verbindung und versuchen Sie es dann "
    + "erneut.",
  every: (interval, count) => plural(count, ...DE_EVERY[interval]),
  recurring: (amount, every) => `${amount} ${every}, jederzeit kündbar`,
  trial: (days, amount, every) => `${plural(days, "1 Tag", "{n} Tage")} kostenlos testen, dann ${amount} ${every}`,
  checkoutTitle: "Kasse",
  scanToPay: "Zum Bezahlen scannen",
  qrAlt: "QR-Code zum Bezahlen",
  openPaymentPage: "Zahlungsseite öffnen",
  expiresIn: (time) => `Läuft ab in ${time}`,
  expired: "Dieser Code ist abgelaufen",
  afterExpiry: "Danach kann der Code nicht mehr bezahlt werden; es wird kein Geld abgebucht und Sie können eine "
    + "andere Zahlungsart wählen.",
  changeMethod: "Zahlungsart ändern",
  close: "Schließen",
};

const FR_EVERY: Record<Interval, [string, string]> = {
  day: ["chaque jour", "tous les {n} jours"], week: ["chaque semaine", "toutes les {n} semaines"],
  month: ["chaque mois", "tous les {n} mois"], year: ["chaque année", "tous les {n} ans"],
};

const FR: Messages = {
  chooseOption: "Choisissez l’une des options.",
  quantityRange: (max) => `Saisissez un nombre entier de 1 à ${max}.`,
  oneSubscriptionAtATime: "Un abonnement s’achète à l’unité : indiquez la quantité 1.",
  chooseChannel: "Choisissez votre moyen de paiement.",
  acceptTerms: "Veuillez accepter les conditions pour continuer.",
  waiting: "En attente du paiement…",
  paid: "Paiement réussi",
  complete: "Commande terminée",
  failed: "Échec du paiement",
  unavailable: "Paiement indisponible",
  notCompleted: (reason) => (reason ? `Le paiement n’a pas abouti : ${reason}. Aucun argent n’a été débité. Vous pouvez `
    + "réessayer." : "Le paiement n’a pas abouti. Aucun argent n’a été débité. Vous pouvez réessayer."),
  orderClosed: "Cette commande est fermée",
  unreachable: "La page n’a pas pu joindre le serveur. Vérifiez votre connexion, puis réessayez.",
  every: (interval, count) => plural(count, ...FR_EVERY[interval]),
  recurring: (amount, every) => `${amount} ${every}, résiliable à tout moment`,
  trial: (days, amount, every) => `Essai gratuit de ${plural(days, "1 jour", "{n} jours")}, puis ${amount} ${every}`,
  checkoutTitle: "Paiement",
  scanToPay: "Scannez pour payer",
  qrAlt: "QR code pour payer",
  openPaymentPage: "Ouvrir la page de paiement",
  expiresIn: (time) => `Expire dans ${time}`,
  expired: "Ce code a expiré",
  afterExpiry: "Ensuite, le code ne peut plus être payé ; aucun montant n’est prélevé et vous pouvez choisir un "
    + "autre moyen de paiement.",
  changeMethod: "Changer de moyen de paiement",
  close: "Fermer",
};

const CATALOGS: Record<Locale, Messages> = { en: EN, de: DE, fr: FR };

/** The SDK's words in ``locale``. */
export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}

/** The locale to speak: the one asked for, else the browser's (``navigator.language``), each by its primary
 * subtag ("de-AT" is German), else English. */
export function resolveLocale(requested?: string | null, browser?: string | null): Locale {
  for (const tag of [requested, browser]) {
    const primary = (tag ?? "").toLowerCase().split(/[-_]/)[0];
    if ((LOCALES as readonly string[]).includes(primary)) return primary as Locale;
  }
  return DEFAULT_LOCALE;
}

/** The browser's language, where there is a browser. */
export function browserLanguage(): string | undefined {
  return typeof navigator !== "undefined" ? navigator.language : undefined;
}

/** Minor-unit exponents where Kassa's are not 2: the server's table (app/platform/values/currencies.py EXPONENTS),
 * which decides what a stored amount means, so it is copied rather than taken from the browser's Intl data (which
 * differs). */
export const MINOR_UNIT_EXPONENTS: Readonly<Record<string, number>> = {
  jpy: 0, krw: 0, vnd: 0, clp: 0, isk: 0, bhd: 3, kwd: 3, jod: 3, omr: 3, tnd: 3,
};

/** An amount in minor units, the locale's way ("$9.99", "9,99 $", "9,99 $US", "¥500"). */
export function formatMoney(amount: number, currency: string, locale: Locale = DEFAULT_LOCALE): string {
  const digits = MINOR_UNIT_EXPONENTS[currency.toLowerCase()] ?? 2;
  const major = amount / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: digits, maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency.toUpperCase()}`;
  }
}
