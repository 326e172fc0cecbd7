"""Anti-framing for pages no other site may show in a frame (clickjacking: a hidden portal under a decoy)."""

from __future__ import annotations

from flask import Response


def deny_framing(response: Response) -> Response:
    """No page of any origin, ours included, may frame this response (CSP for today's browsers, XFO for old ones).

    The embedded checkout (app/web/embed) is framed by merchants on purpose and sets its own frame-ancestors.
    """
    policy = response.headers.get("Content-Security-Policy")
    if policy is None:
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
    elif "frame-ancestors" not in policy:
        response.headers["Content-Security-Policy"] = f"{policy}; frame-ancestors 'none'"
    response.headers["X-Frame-Options"] = "DENY"
    return response
