"""Pages that show one merchant's business to its signed-in staff: kept out of every cache."""
from __future__ import annotations

from flask import Response


def keep_out_of_caches(response: Response) -> Response:
    """A portal page holds shoppers' emails, what they spent and the merchant's figures: a proxy or CDN in front
    of Kassa must not keep it, nor a shared computer's browser show it again from its cache (Back after signing
    out). A view that says otherwise (a download's own ``no-store``) is left as it is."""
    response.headers.setdefault("Cache-Control", "private, no-store")
    return response
