"""From the shopper's Pay to the payment's next action in the page: the SDK making the order and then paying it
(``createOrder`` → ``pay``, the components' way before 2026-11-28) against both in one request
(``createOrderAndPay``, their way since), on a merchant page of another origin, as on a real shop.

Runs Kassa and the sandbox provider over real HTTP and Debian's Chromium. The two ways take turns, each
``KASSA_BENCH_RUNS`` times (20) per network: loopback as it is, and with Chromium's network emulation adding
``KASSA_BENCH_RTT_MS`` (80, a good phone connection) to every request. It prints the median time from the call to
the payment's ``next_action`` being in the page, and the API requests each way makes (as the page sees them: Chromium
does not show its CORS preflights to Playwright).

    .venv/bin/python bench/sdk_press_to_payment.py
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.sdk_stack import CHROMIUM_ARGS, start_sdk_stack  # noqa: E402

DATABASE = os.environ.get("KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench")
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
RUNS = int(os.environ.get("KASSA_BENCH_RUNS", "20"))
RTT_MS = float(os.environ.get("KASSA_BENCH_RTT_MS", "80"))
WAYS = {
    "createOrder → pay": """kassa.createOrder(params).then((o) => kassa.pay(o.id, "sandbox_qr", { qr: false }))""",
    "createOrderAndPay": """kassa.createOrderAndPay(params, "sandbox_qr", { qr: false }).then((m) => m.payment)""",
}


def main() -> None:
    from playwright.sync_api import sync_playwright

    stack = start_sdk_stack(DATABASE, REDIS)
    starts = "\n".join(
        f"""  window.ways[{name!r}] = () => {{ const params = {{ items: [{{ sku: "sku_bench", quantity: 1 }}],
    agreementAccepted: true }}; return {call}; }};"""
        for name, call in WAYS.items()
    )
    url = stack.sdk_page(
        "index.html",
        f"""  window.ways = {{}};
{starts}
  window.press = async (way) => {{
    const started = performance.now();
    const payment = await window.ways[way]();
    if (!payment || !payment.next_action || payment.next_action.type !== "qr") throw new Error("no QR code");
    return performance.now() - started;
  }};""",
    )
    samples: dict[tuple[str, str], list[float]] = {}
    requests: dict[tuple[str, str], list[int]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for network in ("loopback", f"+{RTT_MS:g} ms a request"):
            page = browser.new_page()
            seen: list[str] = []
            page.on("request", lambda request: seen.append(request.url) if "/api/v1/" in request.url else None)
            if network != "loopback":
                cdp = page.context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send(
                    "Network.emulateNetworkConditions",
                    {"offline": False, "latency": RTT_MS, "downloadThroughput": -1, "uploadThroughput": -1},
                )
            page.goto(url)
            for name in WAYS:
                page.evaluate("(way) => window.press(way)", name)  # warm: the script, the first preflight
            for _ in range(RUNS):
                for name in WAYS:
                    before = len(seen)
                    ms = page.evaluate("(way) => window.press(way)", name)
                    samples.setdefault((network, name), []).append(ms)
                    requests.setdefault((network, name), []).append(len(seen) - before)
            page.close()
        browser.close()
    stack.stop()
    print(f"{RUNS} presses per way and network, the ways taking turns; from the call to the QR code in the page")
    print("| network | way | median ms | worst ms | API requests |")
    print("| --- | --- | --- | --- | --- |")
    for (network, name), values in samples.items():
        counts = requests[(network, name)]
        print(
            f"| {network} | {name} | {statistics.median(values):.1f} | {max(values):.1f} | "
            f"{statistics.median(counts):g} |"
        )
    for network in dict.fromkeys(network for network, _ in samples):
        two, one = (statistics.median(samples[(network, name)]) for name in WAYS)
        print(f"{network}: one request takes {one / two:.2f}× the time of two")


if __name__ == "__main__":
    main()
