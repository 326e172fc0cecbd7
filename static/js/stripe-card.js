// The Stripe channel's card page: Stripe's card element makes a PaymentMethod in the browser, Kassa confirms it.
// A card saved for nothing (a SetupIntent) is confirmed by Stripe.js itself; a renewal may be paid with the saved
// card, Stripe.js showing the bank's check when it asks for one.
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

  function failer(where, pressed) {
    return function (message) {
      where.textContent = message;
      where.hidden = false;
      pressed.disabled = false;
    };
  }
  const fail = failer(error, button);

  // Kassa confirms the PaymentIntent with ``body``; Stripe.js finishes an authentication the bank asks for.
  async function confirm(target, body, onFail) {
    let answer;
    try {
      const response = await fetch(target.dataset.confirmUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": target.dataset.csrfToken },
        body: JSON.stringify(body),
      });
      answer = await response.json();
    } catch (e) {
      return onFail(target.dataset.errorNetwork);
    }
    if (answer.error) return onFail(answer.error);
    if (answer.authenticate) await stripe.confirmCardPayment(answer.authenticate);
    window.location.assign(answer.next_url || target.dataset.nextUrl);
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    if (form.dataset.setupSecret) {
      const saved = await stripe.confirmCardSetup(form.dataset.setupSecret, { payment_method: { card: card } });
      if (!saved || saved.error) return fail((saved && saved.error && saved.error.message) || form.dataset.errorCard);
      return window.location.assign(form.dataset.nextUrl);
    }
    const made = await stripe.createPaymentMethod({ type: "card", card: card });
    if (!made || made.error || !made.paymentMethod) {
      return fail((made && made.error && made.error.message) || form.dataset.errorCard);
    }
    await confirm(form, { payment_method: made.paymentMethod.id }, fail);
  });

  const savedForm = document.getElementById("saved-card-form");
  if (savedForm) {
    const savedButton = savedForm.querySelector("button[type=submit]");
    const savedFail = failer(document.getElementById("saved-card-error"), savedButton);
    savedForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      savedButton.disabled = true;
      await confirm(savedForm, { saved_card: true }, savedFail);
    });
  }

  // A saved card paid in one press whose bank asks for the shopper: Stripe.js shows the bank's check, and the
  // order's page shows the outcome the webhook brings.
  const authForm = document.getElementById("authenticate-form");
  if (authForm) {
    const authButton = authForm.querySelector("button[type=submit]");
    authForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      authButton.disabled = true;
      await stripe.confirmCardPayment(authForm.dataset.clientSecret); // passed or failed, the order's page says
      window.location.assign(authForm.dataset.nextUrl);
    });
  }
})();
