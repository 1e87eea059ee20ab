"""Fields SendGrid adds after this version was released: never a failed call, reachable as
`model.extra`, kept through `to_dict()`/`to_json()`, `from_json()`, pickling and `repr`."""
from __future__ import annotations

import json
import pickle

import pytest

import sendgrid_admin as sg
from conftest import KEY, Sandbox

ADDED = {"sandbox_added": {"since": "2026-12"}}


def test_unknown_fields_are_reachable_and_survive_every_copy(sb: Sandbox) -> None:
    sb.reset(subusers=2)
    sb.control("quirks", {"added_fields": True})
    c = sg.Client(KEY, base_url=sb.url)
    sub = c.subusers.list()[0]
    assert sub.extra == ADDED
    assert sub.to_dict()["sandbox_added"] == {"since": "2026-12"}
    assert "extra={'sandbox_added': {'since': '2026-12'}}" in repr(sub)
    for copy in (
        pickle.loads(pickle.dumps(sub)),
        sg.Subuser.from_json(sub.to_json()),
        sg.Subuser.from_dict(sub.to_dict()),
        sg.Subuser(extra=sub.extra, **{k: v for k, v in sub.to_dict().items() if k not in sub.extra}),
    ):
        assert copy == sub and hash(copy) == hash(sub) and copy.extra == ADDED
    # Nested models keep theirs: a stats entry and its metrics.
    month = c.stats.subuser_monthly("sub00001", "2026-10-01")
    assert month.extra == ADDED and month.stats[0].extra == ADDED
    assert month.stats[0].metrics.extra == ADDED
    sb.control("quirks", {"added_fields": False})
    assert c.subusers.list()[0].extra == {}


def test_keywords_stay_strict() -> None:
    with pytest.raises(TypeError, match=r"Monitor\(\.\.\.\): unexpected keyword argument\(s\) freq"):
        sg.Monitor(email="a@example.com", frequency=5, freq=6)
    m = sg.Monitor(email="a@example.com", frequency=5, extra={"new": [1]})
    assert m.extra == {"new": [1]} and json.loads(m.to_json()) == {"email": "a@example.com", "frequency": 5, "new": [1]}
    with pytest.raises(TypeError, match="frequency"):
        sg.Monitor(email="a@example.com", extra={"frequency": 5})
    with pytest.raises(TypeError, match="keeps no extra"):
        sg.BulkProgress(done=1, total=2, failed=0, extra={"x": 1})
    with pytest.raises(ValueError, match="Monitor"):
        sg.Monitor.from_json('{"email": "a@example.com"}')
    assert sg.Monitor.from_json('{"email": "a@example.com", "frequency": 2, "x": 1}').extra == {"x": 1}
