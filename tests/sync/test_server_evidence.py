"""Evidence photos at the server: resumable, size-limited, hash-checked, and only for a photo
that one of the uploading station's own cases names."""

from __future__ import annotations

import hashlib

import pytest

from sync.server import evidence
from tests.support.sync_data import enroll_station, event, seed_sample, ship

PHOTO = bytes(range(256)) * 3000  # 768,000 bytes
SHA = hashlib.sha256(PHOTO).hexdigest()


@pytest.fixture
def stations(central):
    sample = seed_sample(central.server)
    warehouse = enroll_station(central, "wh", site="W1")
    inspector = enroll_station(central, "insp")
    other = enroll_station(central, "insp-2")
    warehouse.push([ship("wh", 1, [sample.cases[0]], dealer="D1", order="SO-1")])
    case = {"bizStep": "inspecting", "case_id": "k1", "code": sample.cases[0], "region_id": "R-GD",
            "photos": [{"sha256": SHA, "name": "shelf.jpg"}]}  # fmt: skip
    assert inspector.push([event("insp", 1, "DiversionCaseEvent", case)])[0]["status"] == "accepted"
    return inspector, other


def put(api, data: bytes, offset: int, total: int = len(PHOTO), sha: str = SHA):
    return api.session.put(
        f"{api.url}/v1/evidence/{sha}",
        params={"offset": offset, "total": total},
        data=data,
        headers={"Content-Type": "application/octet-stream"},
        timeout=30,
    )


def test_a_cut_upload_resumes_where_the_server_stopped(central, stations):
    inspector, _ = stations
    assert inspector.get(f"/v1/evidence/{SHA}").json() == {
        "sha256": SHA,
        "received": 0,
        "complete": False,
    }
    assert put(inspector, PHOTO[:300_000], 0).json()["received"] == 300_000
    # the station lost the answer and sends the same chunk again: nothing doubles
    assert put(inspector, PHOTO[:300_000], 0).json()["received"] == 300_000
    held = inspector.get(f"/v1/evidence/{SHA}").json()["received"]
    done = put(inspector, PHOTO[held:], held).json()
    assert done == {"sha256": SHA, "received": len(PHOTO), "complete": True}
    assert evidence.photo(central.server.db, SHA) == PHOTO


def test_bytes_that_do_not_match_the_name_are_refused_and_not_kept(central, stations):
    inspector, _ = stations
    forged = b"x" * len(PHOTO)
    answer = put(inspector, forged, 0)
    assert answer.status_code == 422 and answer.json()["error"] == "evidence.hash_mismatch"
    assert inspector.get(f"/v1/evidence/{SHA}").json()["received"] == 0
    assert evidence.photo(central.server.db, SHA) is None


def test_only_a_photo_the_stations_own_case_names_is_taken(central, stations):
    inspector, other = stations
    assert put(other, PHOTO, 0).status_code == 404
    stranger = hashlib.sha256(b"cat picture").hexdigest()
    answer = put(inspector, b"cat picture", 0, total=11, sha=stranger)
    assert answer.status_code == 404 and answer.json()["error"] == "evidence.not_named"
    assert put(inspector, PHOTO, 0, sha="not-a-hash").status_code == 422


def test_a_photo_over_the_limit_or_sent_as_json_is_refused(central, stations):
    inspector, _ = stations
    assert put(inspector, PHOTO[:10], 0, total=evidence.MAX_PHOTO_BYTES + 1).status_code == 422
    as_json = inspector.session.put(
        f"{inspector.url}/v1/evidence/{SHA}?offset=0&total=10", json={"data": "x"}, timeout=30
    )
    assert as_json.status_code == 415
    assert (
        inspector.session.get(
            f"{inspector.url}/v1/evidence/{SHA}", headers={"Authorization": ""}, timeout=30
        ).status_code
        == 401
    )
