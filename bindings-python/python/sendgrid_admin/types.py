"""The enumerated values the API takes, as ``Literal`` types for annotating your own code
(``def provision(region: sendgrid_admin.types.Region) -> None``). A value outside them is
refused with ``InvalidInputError`` naming the parameter, before any request is sent."""

import sys
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING or sys.version_info >= (3, 10):
    from typing import TypeAlias
else:  # Python 3.9: the annotation is only read by type checkers
    TypeAlias = object


Region: TypeAlias = Literal["global", "eu"]
RegionFilter: TypeAlias = Literal["all", "global", "eu"]
CreditType: TypeAlias = Literal["unlimited", "recurring", "nonrecurring"]
ResetFrequency: TypeAlias = Literal["monthly", "weekly", "daily"]
SortDirection: TypeAlias = Literal["asc", "desc"]
AggregatedBy: TypeAlias = Literal["day", "week", "month"]
Metric: TypeAlias = Literal["blocks", "bounce_drops", "bounces", "clicks", "deferred", "delivered", "invalid_emails", "opens", "processed", "requests", "spam_report_drops", "spam_reports", "unique_clicks", "unique_opens"]
Persona: TypeAlias = Literal["accountant", "developer", "marketer", "observer"]
NewAccountState: TypeAlias = Literal["activated", "deactivated"]
IpRegion: TypeAlias = Literal["us", "eu"]
ErrorKind: TypeAlias = Literal["invalid_input", "unauthorized", "forbidden", "not_found", "bad_request", "rate_limited", "server", "timeout", "transport", "decode", "conflict", "not_applied", "cancelled"]

__all__ = [
    "AggregatedBy",
    "CreditType",
    "ErrorKind",
    "IpRegion",
    "Metric",
    "NewAccountState",
    "Persona",
    "Region",
    "RegionFilter",
    "ResetFrequency",
    "SortDirection",
]
