// The headless client, typed as an SDK user's code is (README "4. Headless client"). Not served: `npm test`
// type-checks it strictly (tsc --strict --noEmit), so a change of the SDK's types that breaks it fails there.
import Kassa, { KassaError, type Money, type NextAction, type Order, type OrderStatus, type Payment,
  type Quote } from "@kassa/sdk";

const kassa = Kassa("pk_test_example", { baseUrl: "https://pay.example.com", locale: "de" });

/** "$19.98": amounts are integers in minor units. */
function price({ amount, currency }: Money): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(amount / 100);
}

function describe(action: NextAction | undefined): string {
  switch (action?.type) {
    case "redirect": return `leaving for ${action.url}`;
    case "qr": return `scan ${action.url}${action.expires_at ? ` before ${action.expires_at}` : ""}`;
    default: return "nothing to do";
  }
}

const DONE: readonly OrderStatus[] = ["paid", "fulfilled", "completed"];

export async function buy(sku: string, coupon?: string): Promise<Order | null> {
  const quote: Quote = await kassa.quote([{ sku, quantity: 2 }], { coupon, currency: "eur" });
  console.log(`total ${price({ amount: quote.total, currency: quote.currency })}`,
    quote.lines.map((line) => `${line.quantity} × ${line.sku}`).join(", "));
  try {
    const order = await kassa.createOrder({
      items: [{ sku, quantity: 2 }], agreementAccepted: true, coupon, currency: "eur",
      customer: { id: "cus_42", email: "ada@example.com" }, metadata: { cart: "c_1", gift: true },
    });
    const channel = order.available_channels.find((c) => c.code === "sandbox_qr") ?? order.available_channels[0];
    const payment: Payment | null = await kassa.pay(order.id, order.amount.total === 0 ? null : channel.code,
      { qr: true, onQrClose: () => console.log("closed") });
    console.log(describe(payment?.next_action));
    const paid = await kassa.waitForPayment(order.id, { timeoutMs: 60_000 });
    return DONE.includes(paid.status) ? paid : null;
  } catch (error) {
    if (error instanceof KassaError && error.param === "coupon") return buy(sku);   // without the refused code
    throw error;
  }
}

/** The same purchase paid by QR code in one request; a payment that could not start leaves its order to pay again. */
export async function buyInOneCall(sku: string): Promise<Order> {
  try {
    const { order, payment } = await kassa.createOrderAndPay({ items: [{ sku, quantity: 1 }], agreementAccepted: true },
      "sandbox_qr", { onChangeMethod: () => console.log("another way") });
    console.log(describe(payment?.next_action));
    return await kassa.waitForPayment(order.id);
  } catch (error) {
    if (!(error instanceof KassaError) || !error.order) throw error;
    console.log(`order ${error.order.id} is ${error.order.status}: ${error.message}`);
    await kassa.pay(error.order.id, "sandbox_card", { returnUrl: "https://shop.example/thanks" });
    return kassa.waitForPayment(error.order.id);
  }
}

export async function subscribe(sku: string): Promise<string> {
  const { subscription, order } = await kassa.subscribe({ sku, agreementAccepted: true, currency: "eur" });
  await kassa.pay(order.id, "sandbox_card", { returnUrl: "https://shop.example/thanks" });
  return `${subscription.status}: ${price(subscription.price)} every ${subscription.interval_count} ${subscription.interval}`;
}

export async function pickUpRedirect(): Promise<void> {
  const back = kassa.paymentReturn();
  if (!back) return;
  const order = await kassa.resumePayment({ timeoutMs: 30_000 });
  console.log(back.redirectStatus, order?.status);
}
