"""One error shape for every failed request: the catalogue's code, problem and fix.

Every error the API answers is JSON of this shape (pinned by tests/serve/test_api.py), whatever
raised it: a catalogue error of the library (E4xx, a bad filter), one of the server's own (E6xx),
FastAPI's validation of a parameter, an unknown path, a database failure or a bug (E607, with no
stack trace; the trace goes to the server's log)::

    {"error": {"code": "E602", "status": 404, "problem": "no event 'x' is stored.",
               "fix": "Check the id: ...", "message": "no event 'x' is stored. Check the id: ..."}}

Pages answer the same error as an HTML page with the same words.
"""

from __future__ import annotations

import logging
from typing import Any

from whodid.errors import Errors, InputError, ModelError, WhodidError

log = logging.getLogger("whodid.serve")

# the HTTP status of a catalogue error: by code where it says more than its range, else by range.
# The database the server was started on is the operator's, not the client's: when it is missing,
# unreachable, another program's (E421, E428), not migrated (E422) or locked (E423), the request was
# right and the service is unavailable until the operator acts (or the lock frees): 503, not 400.
_STATUS_BY_CODE = {
    "E409": 503,
    "E411": 503,
    "E415": 503,
    "E416": 503,
    "E418": 503,
    "E419": 404,
    "E420": 404,
    "E421": 503,
    "E422": 503,
    "E423": 503,
    "E428": 503,
    "E602": 404,
    "E603": 404,
    "E604": 413,
    "E605": 401,
    "E607": 500,
    "E608": 405,
}
_STATUS_BY_RANGE = {"1": 422, "2": 503, "3": 500, "4": 400, "5": 500, "6": 400}
# seconds after which a client may try again, where the trouble passes by itself: a lock another
# writer holds (E423) is freed when its batch is stored (RFC 9110 Retry-After on a 503)
_RETRY_AFTER = {"E423": 5}


def status_of(error: WhodidError) -> int:
    """The HTTP status that answers ``error``."""
    return _STATUS_BY_CODE.get(error.code, _STATUS_BY_RANGE.get(error.code[1], 500))


def error_headers(error: WhodidError) -> dict[str, str]:
    """Headers that go with the answer to ``error``: ``Retry-After`` when waiting helps."""
    wait = _RETRY_AFTER.get(error.code)
    return {"Retry-After": str(wait)} if wait is not None else {}


def error_body(error: WhodidError) -> dict[str, Any]:
    """The JSON body of a failed request."""
    return {
        "error": {
            "code": error.code,
            "status": status_of(error),
            "problem": error.problem,
            "fix": error.fix,
            "message": error.message,
        }
    }


def unexpected(exc: BaseException) -> WhodidError:
    """A failure no catalogue entry foresaw, logged with its trace and answered without it."""
    log.error("whodid serve: unexpected failure", exc_info=exc)
    return Errors.E607.error(detail=type(exc).__name__)


def expected_types() -> tuple[type[WhodidError], ...]:
    """Errors of the input or the model, answered as they are (not as a bug)."""
    return (InputError, ModelError)
