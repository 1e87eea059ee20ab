"""Administer SendGrid subusers, monitor settings, IPs, reputations, teammates and scopes.

A typed binding of the ``sendgrid-admin`` Rust core: ``Client`` blocks (releasing the GIL while
it waits), ``AsyncClient`` returns awaitables. Validation, retries, pacing and paging all come
from the core, so every language behaves the same.
"""

import logging
import os

from ._native import (
    ApiKey,
    ApiKeys,
    AsyncApiKeys,
    CreatedApiKey,
    AsyncUser,
    User,
    UserAccount,
    UserName,
    Account,
    AccountIp,
    AccountIpPage,
    AccountPage,
    Accounts,
    AddedIps,
    AsyncAccounts,
    CatalogEntry,
    CreatedAccount,
    Entitlements,
    Offering,
    AccessRequest,
    ApprovedAccessRequest,
    AsyncBulk,
    AsyncClient,
    AsyncCredits,
    AsyncIps,
    AsyncMonitorSettings,
    AsyncReputations,
    AsyncScopes,
    AsyncStats,
    AsyncSubusers,
    AsyncTeammates,
    AsyncWebsiteAccess,
    APIStatusError,
    AuthenticationError,
    UnprocessableEntityError,
    BadRequestError,
    ConflictError,
    NotAppliedError,
    Bulk,
    BulkProgress,
    BulkResult,
    Document,
    Plan,
    Client,
    CreatedSubuser,
    Credits,
    DatedStats,
    DecodeError,
    ErrorDetail,
    InvalidInputError,
    Invitation,
    Ips,
    Metrics,
    Monitor,
    RateLimitView,
    ResponseInfo,
    reset_logging_cache,
    MonitorSettings,
    NotFoundError,
    Pager,
    AsyncPager,
    PermissionDeniedError,
    RateLimitError,
    Reputation,
    Reputations,
    Scopes,
    SendGridError,
    ServerError,
    StatEntry,
    Stats,
    Subuser,
    SubuserAccess,
    SubuserAccessPage,
    SubuserCredits,
    SubuserIps,
    IpAddress,
    IpSubusersPage,
    SsoTeammate,
    Subusers,
    Teammate,
    Teammates,
    TransportError,
    WebsiteAccess,
    __version__,
)
from ._errors import RequestTimeoutError
from ._native import log_levels as _log_levels


def _log_from_environment() -> None:
    """``SENDGRID_ADMIN_LOG=debug`` (or info, warning, ..., or directives such as
    ``sendgrid_admin::transport=debug``, read by the core's rule as in Node) shows the core's
    events on stderr without touching the program's logging set-up. A value it cannot read is a
    warning, never an import error."""
    spec = os.environ.get("SENDGRID_ADMIN_LOG")
    if not spec:
        return
    try:
        levels = _log_levels(spec)
    except InvalidInputError as e:
        import warnings

        warnings.warn(f"sendgrid-admin: {e}; logging stays off", RuntimeWarning, stacklevel=2)
        return
    for name, level in levels:
        logging.getLogger(name).setLevel(level)
        top = logging.getLogger(name.split(".")[0])
        if not top.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            top.addHandler(handler)
    reset_logging_cache()


_log_from_environment()


def __getattr__(name: str) -> object:
    # RateLimitedError: the 429 class's name before 0.2 (now RateLimitError, the name the other
    # classes' openai/anthropic convention gives it, and Node's); kept until 0.3, with a warning.
    if name == "RateLimitedError":
        import warnings

        warnings.warn(
            "sendgrid_admin.RateLimitedError is deprecated: use sendgrid_admin.RateLimitError",
            DeprecationWarning,
            stacklevel=2,
        )
        return RateLimitError
    raise AttributeError(f"module 'sendgrid_admin' has no attribute {name!r}")

__all__ = [
    "ApiKey",
    "ApiKeys",
    "AsyncApiKeys",
    "CreatedApiKey",
    "AsyncUser",
    "User",
    "UserAccount",
    "UserName",
    "Account",
    "AccountIp",
    "AccountIpPage",
    "AccountPage",
    "Accounts",
    "AddedIps",
    "AsyncAccounts",
    "CatalogEntry",
    "CreatedAccount",
    "Entitlements",
    "Offering",
    "AccessRequest",
    "ApprovedAccessRequest",
    "AsyncBulk",
    "AsyncClient",
    "AsyncCredits",
    "AsyncIps",
    "AsyncMonitorSettings",
    "AsyncReputations",
    "AsyncScopes",
    "AsyncStats",
    "AsyncSubusers",
    "AsyncTeammates",
    "AsyncWebsiteAccess",
    "APIStatusError",
    "AuthenticationError",
    "UnprocessableEntityError",
    "BadRequestError",
    "ConflictError",
    "NotAppliedError",
    "Bulk",
    "BulkProgress",
    "BulkResult",
    "Document",
    "Plan",
    "Client",
    "CreatedSubuser",
    "Credits",
    "DatedStats",
    "DecodeError",
    "ErrorDetail",
    "InvalidInputError",
    "Invitation",
    "Ips",
    "Metrics",
    "Monitor",
    "RateLimitView",
    "ResponseInfo",
    "reset_logging_cache",
    "MonitorSettings",
    "NotFoundError",
    "Pager",
    "AsyncPager",
    "PermissionDeniedError",
    "RateLimitError",
    "Reputation",
    "Reputations",
    "RequestTimeoutError",
    "Scopes",
    "SendGridError",
    "ServerError",
    "StatEntry",
    "Stats",
    "Subuser",
    "SubuserAccess",
    "SubuserAccessPage",
    "SubuserCredits",
    "SubuserIps",
    "IpAddress",
    "IpSubusersPage",
    "SsoTeammate",
    "Subusers",
    "Teammate",
    "Teammates",
    "TransportError",
    "WebsiteAccess",
    "__version__",
]
