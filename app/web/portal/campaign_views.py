"""Portal pages for campaigns: list, create, detail (issued count and budget used) and end. Each mutating view is
a thin call to one campaign service, scoped by the signed-in merchant and the portal's mode."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from app.catalog.campaign_models import Campaign
from app.catalog.campaigns import (
    campaign_state,
    create_campaign,
    end_campaign,
    get_campaign,
    issuances,
    list_campaigns,
)
from app.catalog.coupon_models import Coupon
from app.catalog.coupon_wording import coupon_terms
from app.catalog.coupons import get_coupon, list_coupons
from app.errors import KassaError
from app.extensions import db
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.campaign_forms import RULE_LABELS, CampaignForm
from app.web.portal.forms import ConfirmForm
from app.web.portal.mode_views import portal_livemode

PAGE = 50
_TEMPLATE_CHOICES = 200  # the newest coupons a campaign may take its terms from


@bp.get("/campaigns")
@permission_required("catalog.manage")
def campaigns():
    after = request.args.get("starting_after") or None
    rows, has_more = list_campaigns(
        current_user.merchant_id, livemode=portal_livemode(), limit=PAGE, starting_after=after
    )
    older = url_for("portal.campaigns", starting_after=rows[-1].id) if has_more else None
    return render_template(
        "portal/catalog/campaigns.html",
        campaigns=rows,
        states={c.id: campaign_state(c) for c in rows},
        rules=RULE_LABELS,
        newest_url=url_for("portal.campaigns") if after else None,
        older_url=older,
    )


@bp.route("/campaigns/new", methods=["GET", "POST"])
@permission_required("catalog.manage")
def campaign_new():
    form = CampaignForm()
    templates, _ = list_coupons(current_user.merchant_id, limit=_TEMPLATE_CHOICES)
    form.offer([c for c in templates if c.active])
    if form.validate_on_submit():
        terms = form.terms()
        if terms is not None:
            try:
                with audit("campaign.create", Campaign):
                    campaign = create_campaign(current_user.merchant_id, terms, livemode=portal_livemode())
            except KassaError as error:
                show_error(form, error, fields={"template_coupon": "template_coupon"})
            else:
                flash(f"Campaign {campaign.name} created.")
                return redirect(url_for("portal.campaign_show", campaign_id=campaign.id))
    return render_template(
        "portal/catalog/campaign_new.html", form=form, has_templates=bool(form.template_coupon.choices)
    ), 422 if form.errors or form.form_errors else 200


@bp.get("/campaigns/<campaign_id>")
@permission_required("catalog.manage")
def campaign_show(campaign_id: str):
    campaign = get_campaign(current_user.merchant_id, campaign_id, livemode=portal_livemode())
    template = get_coupon(current_user.merchant_id, campaign.template_coupon_id)
    after = request.args.get("starting_after") or None
    issued, has_more = issuances(current_user.merchant_id, campaign.id, limit=PAGE, starting_after=after)
    codes = dict(
        db.session.execute(select(Coupon.id, Coupon.code).where(Coupon.id.in_([i.coupon_id for i in issued]))).all()
    )
    return render_template(
        "portal/catalog/campaign_show.html",
        campaign=campaign,
        state=campaign_state(campaign),
        rule=RULE_LABELS[campaign.rule],
        template=template,
        terms=coupon_terms(template),
        issued=issued,
        codes=codes,
        newest_url=url_for("portal.campaign_show", campaign_id=campaign.id) if after else None,
        older_url=url_for("portal.campaign_show", campaign_id=campaign.id, starting_after=issued[-1].id)
        if has_more
        else None,
        confirm=ConfirmForm(),
    )


# GET shows the confirmation too (a reload, or the back button): nothing changes until a POST says confirmed=yes.
@bp.route("/campaigns/<campaign_id>/end", methods=["GET", "POST"])
@permission_required("catalog.manage")
def campaign_end(campaign_id: str):
    campaign = get_campaign(current_user.merchant_id, campaign_id, livemode=portal_livemode())
    if campaign.status == "ended":
        return redirect(url_for("portal.campaign_show", campaign_id=campaign_id))
    if request.form.get("confirmed") == "yes" and ConfirmForm().validate_on_submit():
        with audit("campaign.end", Campaign, campaign_id):
            end_campaign(current_user.merchant_id, campaign_id, livemode=portal_livemode())
        flash(f"Campaign {campaign.name} ended: it issues no more coupons.")
        return redirect(url_for("portal.campaign_show", campaign_id=campaign_id))
    return render_template("portal/catalog/campaign_end.html", campaign=campaign)
