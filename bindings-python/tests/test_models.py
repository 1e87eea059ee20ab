"""Models as users' code handles them: built by hand for tests, hashed, pickled (multiprocessing,
Celery, caches), turned into JSON."""
from __future__ import annotations

import json
import pickle

import pytest

import sendgrid_admin as sg
from conftest import KEY, Sandbox


def test_models_build_hash_pickle_and_serialise(sb: Sandbox) -> None:
    c = sg.Client(KEY, base_url=sb.url)
    subs = c.subusers.list()
    mon = c.monitor.update(subs[0].username, "a@example.com", 5)
    built = sg.Monitor(email="a@example.com", frequency=5)
    assert built == mon and hash(built) == hash(mon)
    assert len({built, mon}) == 1
    assert sg.Monitor(email="a@example.com", frequency=6) != mon
    for m in [*subs, mon, c.subusers.list()[0]]:
        again = pickle.loads(pickle.dumps(m))
        assert again == m and type(again) is type(m) and repr(again) == repr(m)
        assert type(m)(**json.loads(m.to_json())) == m
    c.subusers.list()
    info = c.last_response
    assert info is not None and pickle.loads(pickle.dumps(info)) == info
    with pytest.raises(TypeError, match="Monitor"):
        sg.Monitor(email="a@example.com")
    with pytest.raises(TypeError, match="Monitor"):
        sg.Monitor(email="a@example.com", frequency="often")
