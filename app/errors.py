"""One tree of domain errors. Each carries the API error ``type``, ``code``, ``param`` and
HTTP status; the web layer turns them into JSON, an inline form error or an htmx fragment.
"""

from __future__ import annotations


class KassaError(Exception):
    """Base of every error a caller can fix or must be told about."""

    status = 400
    type = "invalid_request_error"
    code = "invalid_request"

    def __init__(
        self, message: str, *, code: str | None = None, param: str | None = None, status: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status
        self.param = param

    def to_json(self) -> dict:
        error = {"type": self.type, "code": self.code, "message": self.message}
        if self.param is not None:
            error["param"] = self.param
        return {"error": error}


class InvalidRequest(KassaError):
    """The request is malformed or a parameter is invalid (400)."""

    code = "parameter_invalid"


class NotFound(KassaError):
    status = 404
    code = "resource_missing"


class Conflict(KassaError):
    """The resource is in a state that does not allow this action (409)."""

    status = 409
    code = "state_conflict"


class Unprocessable(KassaError):
    """Well-formed but refused by a business rule (422)."""

    status = 422
    code = "unprocessable"


class AuthenticationFailed(KassaError):
    status = 401
    type = "authentication_error"
    code = "invalid_api_key"


class PermissionDenied(KassaError):
    status = 403
    type = "permission_error"
    code = "secret_key_required"


class ChannelFailed(KassaError):
    """The payment channel could not be reached or refused the call (502)."""

    status = 502
    type = "channel_error"
    code = "channel_unavailable"


class ServiceUnavailable(KassaError):
    """A service Kassa needs for this action (Redis: locks, queues; the database going away under the request)
    cannot be reached; nothing was done, and the same call may be retried shortly (503)."""

    status = 503
    type = "api_error"
    code = "service_unavailable"
