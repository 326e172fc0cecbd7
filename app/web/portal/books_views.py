"""The books in the portal: partners (and the merchant's own payout account), settlements with their statement,
lines, payout and a retry for a failed one, and the balance read from the ledger with a drill-down to postings.
Every rule lives in app/ledger and app/payments; these views only ask and show."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, stream_with_context, url_for
from flask_login import current_user
from sqlalchemy import select

from app.errors import KassaError
from app.extensions import db
from app.ledger import partners as partner_service
from app.ledger.account_names import describe_account
from app.ledger.balance import account_balances, held_releases, merchant_balance
from app.ledger.books_models import CYCLES, SETTLEMENT_STATUSES, Partner, Payout
from app.ledger.clearing.rules import STRATEGIES, set_merchant_defaults
from app.ledger.integrity import latest_check
from app.ledger.models import JournalEntry, Posting
from app.ledger.settlement.statements import get_settlement, list_settlements, settlement_lines, statement_csv
from app.merchants.business_lines import list_lines
from app.merchants.models import Merchant
from app.merchants.permissions import can
from app.orders.confirmation import awaiting_completion
from app.payments.channels.interface import ProviderUnavailable
from app.payments.payouts.onboarding import onboarding_status, start_onboarding
from app.payments.payouts.services import payout_for_settlement, retry_payout
from app.payments.payouts.settling import settle_due
from app.payments.reports.settlement_lines import settlement_by_line
from app.platform.db.snapshot import read_one_snapshot
from app.platform.db.types import utcnow
from app.platform.values.money import Money
from app.platform.values.pagination import row_cursor
from app.web.portal import bp
from app.web.portal.access import audit, permission_required
from app.web.portal.catalog_forms import parse_split
from app.web.portal.catalog_views import partner_ids, split_text
from app.web.portal.forms import ConfirmForm, whole_number
from app.web.portal.mode_views import portal_livemode

PAGE_SIZE = 25
LINES_PAGE = 100


def _checked() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; try again.")


# The form's words for a refused field whose API message names it by its API name ("reserve_bps must be …").
_FIELD_MESSAGES = {
    "reserve_bps": "Enter a whole number of basis points from 0 to 10000 (100 = 1 % of each settlement held back).",
    "reserve_days": "Enter a whole number of days from 0 to 365.",
}


def _message(error: KassaError) -> str:
    if error.param in _FIELD_MESSAGES:
        return _FIELD_MESSAGES[error.param]
    return error.message[:1].upper() + error.message[1:] + ("" if error.message.endswith(".") else ".")


def _can_manage() -> bool:
    return can(current_user.role, "books.manage")


# --- partners ----------------------------------------------------------------------------------------------


def _partners_page(errors: dict | None = None, status: int = 200):
    found = partner_service.list_partners(current_user.merchant_id)
    merchant = db.session.get(Merchant, current_user.merchant_id)
    return render_template(
        "portal/partners.html",
        partners=found,
        display_name=partner_service.display_name,
        cycles=CYCLES,
        errors=errors or {},
        values=request.form,
        form=ConfirmForm(),
        merchant=merchant,
        default_split=split_text(merchant.clearing),
        strategies=STRATEGIES,
        can_manage=_can_manage(),
    ), status


@bp.post("/partners/defaults")
@permission_required("books.manage")
def partners_defaults():
    _checked()
    hold = (request.form.get("default_hold_days") or "0").strip()
    try:
        rule = parse_split(
            request.form.get("default_split", ""), whole_number(hold), partner_ids(current_user.merchant_id)
        )
    except ValueError as exc:
        return _partners_page({"default_split": str(exc)}, 422)
    try:
        with audit("clearing.defaults", Merchant, current_user.merchant_id):
            set_merchant_defaults(current_user.merchant_id, rule=rule, strategy=request.form.get("split_strategy"))
    except KassaError as error:
        db.session.rollback()
        return _partners_page(
            {
                "default_split" if (error.param or "").startswith("clearing") else (error.param or "form"): _message(
                    error
                )
            },
            422,
        )
    flash("Saved the clearing defaults: new orders use them.")
    return redirect(url_for("portal.partners"))


@bp.get("/partners")
@permission_required("books.view")
def partners():
    return _partners_page()


def _partner_body() -> dict:
    body = {
        "name": request.form.get("name", ""),
        "payout_account": request.form.get("payout_account") or None,
        "cycle": request.form.get("cycle") or "daily",
    }
    for name in ("reserve_bps", "reserve_days"):
        raw = (request.form.get(name) or "0").strip()
        body[name] = whole_number(raw)
    return body


@bp.post("/partners")
@permission_required("books.manage")
def partners_create():
    _checked()
    try:
        with audit("partner.create", Partner):
            partner = partner_service.create_partner(
                current_user.merchant_id, _partner_body(), livemode=portal_livemode()
            )
    except KassaError as error:
        db.session.rollback()
        return _partners_page({error.param or "form": _message(error)}, 422)
    flash(f"Added partner {partner.name}. Give SKUs a clearing rule that names it (Products → SKU).")
    return redirect(url_for("portal.partners"))


@bp.route("/partners/<partner_id>", methods=["GET", "POST"])
@permission_required("books.view")
def partners_detail(partner_id: str):
    partner = partner_service.get_partner(current_user.merchant_id, partner_id)
    errors = {}
    if request.method == "POST":
        if not _can_manage():
            abort(403)
        _checked()
        body = _partner_body()
        if partner.id == "self":
            body.pop("name")
        livemode = portal_livemode()  # the portal's mode says which payout account and reserve this form sets
        snapshot = lambda: partner_service.partner_json(  # noqa: E731
            partner_service.get_partner(current_user.merchant_id, partner_id), livemode=livemode
        )
        try:
            with audit("partner.update", Partner, partner_id, snapshot=snapshot):
                partner_service.update_partner(current_user.merchant_id, partner_id, body, livemode=livemode)
        except KassaError as error:
            db.session.rollback()
            errors = {error.param or "form": _message(error)}
        else:
            flash("Saved.")
            return redirect(url_for("portal.partners_detail", partner_id=partner_id))
    settlements, _ = list_settlements(
        current_user.merchant_id, livemode=portal_livemode(), partner=partner.id, limit=10
    )
    connect, connect_error = _onboarding(partner_id)
    partner = partner_service.get_partner(current_user.merchant_id, partner_id)  # a ready account is now its own
    return render_template(
        "portal/partner.html",
        partner=partner,
        connect=connect,
        connect_error=connect_error,
        name=partner_service.display_name(partner),
        cycles=CYCLES,
        errors=errors,
        values=request.form if errors else None,
        settlements=settlements,
        form=ConfirmForm(),
        can_manage=_can_manage(),
    ), 422 if errors else 200


def _onboarding(partner_id: str) -> tuple[str | None, str | None]:
    """The partner's onboarding status with the payout rail (None: the rail onboards nobody), and why it could not
    be read."""
    try:
        return onboarding_status(current_user.merchant_id, partner_id, livemode=portal_livemode()), None
    except ProviderUnavailable as exc:
        db.session.rollback()
        return "unknown", str(exc)


@bp.post("/partners/<partner_id>/connect")
@permission_required("books.manage")
def partners_connect(partner_id: str):
    """Send the merchant (or the partner, with the link) to the payout provider's onboarding page."""
    partner_service.get_partner(current_user.merchant_id, partner_id)  # another merchant's partner is not found
    _checked()
    back = url_for("portal.partners_detail", partner_id=partner_id, _external=True)
    try:
        livemode = portal_livemode()
        snapshot = lambda: {  # noqa: E731
            "connect_account": partner_service.get_partner(current_user.merchant_id, partner_id).connect_account_in(
                livemode
            )
        }
        with audit("partner.onboard", Partner, partner_id, snapshot=snapshot):
            url = start_onboarding(
                current_user.merchant_id, partner_id, livemode=livemode, refresh_url=back, return_url=back
            )
    except (KassaError, ProviderUnavailable) as error:
        db.session.rollback()
        flash(f"Could not start onboarding: {error.message if isinstance(error, KassaError) else error}", "error")
        return redirect(url_for("portal.partners_detail", partner_id=partner_id))
    return redirect(url)


# --- settlements -------------------------------------------------------------------------------------------


@bp.get("/settlements")
@permission_required("books.view")
def settlements():
    merchant_id = current_user.merchant_id
    status = request.args.get("status") if request.args.get("status") in SETTLEMENT_STATUSES else None
    partner = request.args.get("partner") or None
    found, has_more = list_settlements(
        merchant_id,
        livemode=portal_livemode(),
        partner=partner,
        status=status,
        limit=PAGE_SIZE,
        starting_after=request.args.get("after") or None,
    )
    args = {k: v for k, v in (("status", status), ("partner", partner)) if v}
    older = url_for("portal.settlements", after=found[-1].id, **args) if has_more else None
    names = {p.id: partner_service.display_name(p) for p in partner_service.list_partners(merchant_id)}
    return render_template(
        "portal/settlements.html",
        settlements=found,
        names=names,
        statuses=SETTLEMENT_STATUSES,
        status=status,
        partner=partner,
        filtered=bool(args),
        older_url=older,
        livemode=portal_livemode(),
        form=ConfirmForm(),
        can_manage=_can_manage(),
    )


@bp.post("/settlements/run")
@permission_required("books.manage")
def settlements_run():
    """Test mode: cut what is due now, without waiting for the cycle (live settlements run by themselves)."""
    _checked()
    if portal_livemode():
        abort(404)
    # Up to this moment rather than each partner's cycle: a test merchant wants to see a settlement now.
    cut = settle_due(merchant_id=current_user.merchant_id, livemode=False, until=utcnow())
    flash(_cut_message(cut))
    return redirect(url_for("portal.settlements"))


def _cut_message(cut: list[str]) -> str:
    """What a test-mode run did. A payout whose partner has no payout account waits for one: saying every payout was
    "on its way" sent a new merchant, whose own account is empty at first, to wait for money that never left."""
    if not cut:
        pending = merchant_balance(current_user.merchant_id, livemode=False).pending
        waiting = ", ".join(Money(amount, currency).format() for currency, amount in sorted(pending.items()))
        return (
            "Nothing was due: money is settled once its orders complete (the shopper confirms, or the auto-confirm "
            "set under Settings does) and any hold before payout has passed."
            + (f" Pending now: {waiting} — see Balance for when it becomes available." if waiting else "")
        )
    payouts = [payout_for_settlement(settlement_id) for settlement_id in cut]
    waiting = sum(1 for payout in payouts if payout and not payout.destination)
    made = f"Cut {len(cut)} settlement{'s' if len(cut) != 1 else ''}"
    if not waiting:
        return f"{made}; their payouts are on their way."
    return (
        f"{made}; {'its payout waits' if len(cut) == 1 else f'{waiting} of their payouts wait'} for a payout "
        "account: add one on the partner's page (Balance & payouts → Partners), and it is sent."
    )


@bp.get("/settlements/<settlement_id>")
@permission_required("books.view")
def settlements_detail(settlement_id: str):
    settlement = get_settlement(current_user.merchant_id, settlement_id, livemode=portal_livemode())
    after = row_cursor(request.args.get("after"))
    lines, has_more = settlement_lines(settlement, limit=LINES_PAGE, starting_after=after)
    more = url_for("portal.settlements_detail", settlement_id=settlement.id, after=lines[-1].id) if has_more else None
    partner = partner_service.get_partner(current_user.merchant_id, settlement.partner_id)
    business_lines = {line.id: line for line in list_lines(current_user.merchant_id)}
    return render_template(
        "portal/settlement.html",
        settlement=settlement,
        lines=lines,
        more_url=more,
        partner=partner,
        partner_name=partner_service.display_name(partner),
        payout=payout_for_settlement(settlement.id),
        form=ConfirmForm(),
        can_manage=_can_manage(),
        by_line=settlement_by_line(settlement) if business_lines else [],
        business_lines=business_lines,
    )


@bp.get("/settlements/<settlement_id>/statement.csv")
@permission_required("books.view")
def settlements_statement(settlement_id: str):
    settlement = get_settlement(current_user.merchant_id, settlement_id, livemode=portal_livemode())
    name = partner_service.display_name(partner_service.get_partner(current_user.merchant_id, settlement.partner_id))
    return Response(
        stream_with_context(statement_csv(settlement, name)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="settlement-{settlement.id}.csv"'},
    )


@bp.route("/settlements/<settlement_id>/retry", methods=["GET", "POST"])
@permission_required("books.manage")
def settlements_retry(settlement_id: str):
    settlement = get_settlement(current_user.merchant_id, settlement_id, livemode=portal_livemode())
    payout = payout_for_settlement(settlement.id)
    if payout is None or payout.status != "failed":
        flash("Only a failed payout can be sent again.", "error")
        return redirect(url_for("portal.settlements_detail", settlement_id=settlement.id))
    partner = partner_service.get_partner(current_user.merchant_id, settlement.partner_id)
    if request.method == "GET":
        return render_template(
            "portal/settlement_retry.html",
            settlement=settlement,
            payout=payout,
            partner=partner,
            partner_name=partner_service.display_name(partner),
            form=ConfirmForm(),
        )
    _checked()
    try:
        with audit("settlement.retry_payout", Payout, payout.id):
            sent = retry_payout(current_user.merchant_id, payout.id)
    except KassaError as error:
        db.session.rollback()
        flash(f"Nothing was sent: {_message(error)}", "error")
    else:
        flash(
            "The payout was sent again."
            if sent.destination
            else "The payout goes out as soon as the partner has a payout account: add one on its page."
        )
    return redirect(url_for("portal.settlements_detail", settlement_id=settlement.id))


# --- balance and ledger ------------------------------------------------------------------------------------


@bp.get("/balance")
@permission_required("books.view")
def balance():
    read_one_snapshot()  # the buckets and the accounts below agree even if an order clears while they are summed
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    check = latest_check()
    findings = [f for f in (check.findings if check else []) if f.get("merchant_id") in (None, merchant_id)]
    accounts = account_balances(merchant_id, livemode=livemode)
    return render_template(
        "portal/balance.html",
        balance=merchant_balance(merchant_id, livemode=livemode),
        accounts=accounts,
        account_names={account: describe_account(account) for account, _, _ in accounts},
        auto_confirm=_duration(db.session.get(Merchant, merchant_id).auto_confirm_minutes),
        # A business line may set its own wait: its orders complete on that one, so the page names each.
        line_auto_confirms=[
            (line.name, _duration(line.auto_confirm_minutes))
            for line in list_lines(merchant_id, include_archived=False)
            if line.auto_confirm_minutes is not None
        ],
        releases=held_releases(merchant_id, livemode=livemode),
        awaiting=awaiting_completion(merchant_id, livemode=livemode),
        check=check,
        findings=findings,
    )


def _duration(minutes: int) -> str:
    """7 days, 12 hours, 30 minutes: how long the auto-confirm waits, as the merchant set it under Settings."""
    for size, unit in ((24 * 60, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size and minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "at once"


@bp.get("/balance/accounts/<path:account>")
@permission_required("books.view")
def balance_account(account: str):
    merchant_id = current_user.merchant_id
    live = account.startswith("live:")
    if live != portal_livemode():
        abort(404, description="That account belongs to the other mode: switch the portal's mode to see it.")
    query = (
        select(Posting, JournalEntry.kind, JournalEntry.reference, JournalEntry.created_at)
        .join(JournalEntry, JournalEntry.id == Posting.entry_id)
        .where(Posting.merchant_id == merchant_id, Posting.account == account)
    )
    before = row_cursor(request.args.get("before"))
    if before is not None:
        query = query.where(Posting.id < before)
    rows = db.session.execute(query.order_by(Posting.id.desc()).limit(LINES_PAGE + 1)).all()
    balances = [
        (currency, total) for name, currency, total in account_balances(merchant_id, livemode=live) if name == account
    ]
    if not balances:
        abort(404, description="No such account in your books.")
    older = (
        url_for("portal.balance_account", account=account, before=rows[LINES_PAGE - 1][0].id)
        if len(rows) > LINES_PAGE
        else None
    )
    return render_template(
        "portal/ledger_account.html",
        account=account,
        account_name=describe_account(account),
        rows=rows[:LINES_PAGE],
        older_url=older,
        balances=balances,
    )
