"""Where cargo put this repository's binaries, on any host: shared by the Python tests
(bindings-python/tests/conftest.py) and benchmarks (bench/python/common.py)."""

from __future__ import annotations

import os
import pathlib
import platform
from typing import Sequence

ROOT = pathlib.Path(__file__).resolve().parents[1]
# platform.machine() as the first part of a Rust target triple.
_ARCH = {"amd64": "x86_64", "x64": "x86_64", "arm64": "aarch64"}


def built(name: str, profiles: Sequence[str]) -> pathlib.Path | None:
    """A binary cargo built, on any host: in $SENDGRID_ADMIN_TARGET/<profile>/ (tests/cargo-env.sh
    sets it), else the newest of target/<profile>/ and target/<triple>/<profile>/ for a triple
    of this machine's architecture (a cross-build, e.g. release/aarch64.sh's, is not run)."""
    exe = name + (".exe" if os.name == "nt" else "")
    arch = _ARCH.get(platform.machine().lower(), platform.machine().lower())
    explicit = os.environ.get("SENDGRID_ADMIN_TARGET")
    for profile in profiles:
        if explicit:
            found = [pathlib.Path(explicit) / profile / exe]
        else:
            found = [ROOT / "target" / profile / exe, *(ROOT / "target").glob(f"{arch}-*/{profile}/{exe}")]
        found = [p for p in found if p.is_file()]
        if found:
            return max(found, key=lambda p: p.stat().st_mtime)
    return None
