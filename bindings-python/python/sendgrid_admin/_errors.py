"""The exception classes with two bases, which pyo3's exception macro cannot make: written here
and looked up by the binding when it raises one."""

from ._native import TransportError


class RequestTimeoutError(TransportError, TimeoutError):
    """The connect or total timeout elapsed, or SendGrid answered 408 (a TransportError and a TimeoutError)."""

    __module__ = "sendgrid_admin"
