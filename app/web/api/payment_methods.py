"""A customer's saved payment methods (secret key; the key's mode): list them and remove one."""

from __future__ import annotations

from flask import jsonify

from app.orders.customers import parse_customer_id
from app.payments.saved_methods.services import get_method, list_methods, remove_method, saved_method_json
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.models.payment_methods import (
    PaymentMethodDeleted,
    PaymentMethodList,
    PaymentMethodListQuery,
)
from app.web.api.operation import operation

_CUSTOMER_400 = (
    "parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters)"
)


@bp.get("/customers/<customer_id>/payment_methods")
@requires_key(secret=True)
@operation(
    "A customer's saved payment methods of this key's mode, newest first",
    description="The cards the customer let the merchant keep at a checkout (a checkout session's \"Save this card "
    'for next time"); the next checkout session offers them first. Removed ones are not listed.',
    query=PaymentMethodListQuery,
    answers={200: PaymentMethodList},
    errors={400: _CUSTOMER_400},
    path={"id": "the customer's id (the merchant's own reference)"},
)
def customers_payment_methods_index(customer_id: str, query: PaymentMethodListQuery):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    found, has_more = list_methods(
        who.merchant_id, customer_id, livemode=who.livemode, limit=query.limit, starting_after=query.starting_after
    )
    return jsonify({"object": "list", "data": [saved_method_json(m) for m in found], "has_more": has_more})


@bp.delete("/customers/<customer_id>/payment_methods/<method_id>")
@requires_key(secret=True)
@operation(
    "Remove a customer's saved payment method",
    description="The provider forgets the card first, so it is never charged again; it is then no longer offered "
    "or listed. Removing it again answers the same.",
    answers={200: PaymentMethodDeleted},
    errors={
        400: _CUSTOMER_400,
        404: "resource_missing: no such saved payment method of this customer (of this key's mode)",
        502: "channel_unavailable: the provider could not be asked to forget the card; nothing changed, try again",
    },
    path={
        "id": "the customer's id (the merchant's own reference)",
        "pm": "the saved payment method's id (spm_…)",
    },
)
def customers_payment_methods_delete(customer_id: str, method_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    method = remove_method(get_method(who.merchant_id, method_id, livemode=who.livemode, customer_id=customer_id))
    return jsonify({"id": method.id, "object": "payment_method", "deleted": True})
