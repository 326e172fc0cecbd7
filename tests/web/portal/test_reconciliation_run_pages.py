"""A reconciliation run's page lists the day's discrepancies a page at a time and says how many there are. Before,
it listed the first 500 and said nothing of the rest: a day a provider's statement went wrong on thousands of lines
read like a day of 500 problems."""

from __future__ import annotations

import re
from datetime import timedelta

REFERENCE = re.compile(r"<code>(pay_line_\d+)</code>")


def seed_run(merchant_id: str, findings: int) -> str:
    """A finished run of today's sandbox_card statement with ``findings`` open discrepancies (references numbered in
    the order they were recorded), and one of the day before, which is another run's."""
    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.values.ids import new_id
    from app.reconciliation.models import Discrepancy, ReconciliationRun

    today = utcnow().date()
    run = ReconciliationRun(
        id=new_id("rcn"),
        merchant_id=merchant_id,
        channel="sandbox_card",
        day=today,
        status="done",
        lines=findings,
        matched=0,
        missing_in_kassa=0,
        missing_at_provider=0,
        amount_mismatch=findings,
        status_mismatch=0,
        duplicate=0,
        auto_resolved=0,
        actor="test",
    )
    db.session.add(run)
    db.session.flush()
    ids = sorted(new_id("dsc") for _ in range(findings + 1))  # time-ordered: the last is the newest
    for n, (found_id, day) in enumerate(zip(ids, [today] * findings + [today - timedelta(days=1)])):
        db.session.add(
            Discrepancy(
                id=found_id,
                merchant_id=merchant_id,
                run_id=run.id,
                channel="sandbox_card",
                day=day,
                kind="amount_mismatch",
                line_type="capture",
                reference=f"pay_line_{n}",
                currency="usd",
                kassa_currency="usd",
                kassa_amount=500,
                provider_amount=600,
                kassa_status="succeeded",
                provider_status="succeeded",
                status="open",
            )
        )
    db.session.commit()
    return run.id


def test_a_runs_discrepancies_are_paged_newest_first_and_counted(app, merchant, portal):
    with app.app_context():
        run = seed_run(merchant.id, 53)

    first = portal.text(f"/portal/reconciliation/runs/{run}")
    assert "53 discrepancies, newest first, 50 a page." in first
    assert REFERENCE.findall(first) == [f"pay_line_{n}" for n in range(52, 2, -1)]
    older = re.search(r'<a href="([^"]+)" rel="next">Older →</a>', first).group(1).replace("&amp;", "&")

    second = portal.text(older)
    assert "53 discrepancies" in second
    assert REFERENCE.findall(second) == ["pay_line_2", "pay_line_1", "pay_line_0"]
    assert 'rel="next"' not in second
    newest = re.search(r'<a href="([^"]+)" rel="prev">← Newest</a>', second).group(1)
    assert REFERENCE.findall(portal.text(newest)) == REFERENCE.findall(first)


def test_a_run_with_one_page_says_how_many_without_links(app, merchant, portal):
    with app.app_context():
        run = seed_run(merchant.id, 1)

    page = portal.text(f"/portal/reconciliation/runs/{run}")
    assert "1 discrepancy." in page and REFERENCE.findall(page) == ["pay_line_0"]
    assert "Older →" not in page and "← Newest" not in page
