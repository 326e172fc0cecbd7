// The Stripe channel's card page: Stripe's card element makes a PaymentMethod in the browser, Kassa confirms it.
(function () {
  "use strict";
  const form = document.getElementById("card-form");
  if (!form || typeof window.Stripe !== "function") return;
  const stripe = window.Stripe(form.dataset.publishableKey);
  // The card field's own labels and errors in the page's language (Stripe.js speaks de, fr and many more).
  const card = stripe.elements({ locale: document.documentElement.lang || "auto" }).create("card");
  card.mount("#card-element");
  const error = document.getElementById("card-error");
  const button = form.querySelector("button[type=submit]");

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
    button.disabled = false;
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    const made = await stripe.createPaymentMethod({ type: "card", card: card });
    if (!made || made.error || !made.paymentMethod) {
      return fail((made && made.error && made.error.message) || form.dataset.errorCard);
    }
    let answer;
    try {
      const response = await fetch(form.dataset.confirmUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": form.dataset.csrfToken },
        body: JSON.stringify({ payment_method: made.paymentMethod.id }),
      });
      answer = await response.json();
    } catch (e) {
      return fail(form.dataset.errorNetwork);
    }
    if (answer.error) return fail(answer.error);
    if (answer.authenticate) await stripe.confirmCardPayment(answer.authenticate);
    window.location.assign(answer.next_url || form.dataset.nextUrl);
  });
})();
