"""``python -m dev.mailcatcher [--smtp-port P] [--web-port W] [--folder DIR]``: catch mail on loopback and list it
(Procfile ``mail``; `make run` points Kassa's SMTP_HOST/SMTP_PORT at it)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from aiosmtpd.controller import Controller
from werkzeug.serving import make_server

from dev.mailcatcher.store import MailStore
from dev.mailcatcher.web import create_web_app

# Loopback only: whatever lands here is for the person at this machine.
HOST = "127.0.0.1"


def main() -> None:
    """Run the SMTP server and the web page until stopped (SIGTERM / Ctrl-C)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smtp-port", type=int, default=int(os.environ.get("MAIL_SMTP_PORT", "1025")))
    parser.add_argument("--web-port", type=int, default=int(os.environ.get("MAIL_WEB_PORT", "5004")))
    parser.add_argument("--folder", type=Path, default=Path(os.environ.get("KASSA_VAR_DIR", "var")) / "mail")
    args = parser.parse_args()
    store = MailStore(args.folder)
    smtp = Controller(store, hostname=HOST, port=args.smtp_port)
    smtp.start()
    print(f"mail catcher: SMTP on {HOST}:{args.smtp_port}, messages at http://{HOST}:{args.web_port}/", flush=True)
    try:
        make_server(HOST, args.web_port, create_web_app(store), threaded=True).serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        smtp.stop()


if __name__ == "__main__":
    main()
