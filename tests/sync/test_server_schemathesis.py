"""Generated requests against the live server on loopback (issue 13): schemathesis draws
requests for every operation of the served OpenAPI document, valid and invalid, with and
without a station credential, on SQLite and PostgreSQL. Not one answer may be a server error,
and every answer must be one the document declares (status code, content type and schema) —
so the document says what the server really answers, 401/413/415/422 included.

Bounded (a few examples per operation and mode) so the four runs take well under 90 s."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.sync_data import enroll_station, seed_sample

CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance)  # fmt: skip
EXAMPLES = 25  # per operation, per generation mode (valid and invalid data)


@pytest.mark.parametrize("credential", [True, False], ids=["station", "anonymous"])
def test_generated_requests_get_declared_answers_and_no_server_error(central, credential):
    seed_sample(central.server, items=5)
    for scope in ("all", "region:R-SH"):  # a running server has them: no 503 "being built"
        central.server.build_snapshot(scope)
    headers = {}
    if credential:
        api = enroll_station(central, "st-fuzz", site="W1", region_id="R-SH")
        headers = dict(api.session.headers)
    schema = schemathesis.openapi.from_url(central.url + "/openapi.json")
    failures: list[str] = []
    statuses: list[int] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if not operation.path.startswith("/v1/"):
            continue  # the station API; the console and EPCIS routes have their own tests
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _probe(operation, mode, central.url, headers, failures, statuses)()
            except Unsatisfiable:  # nothing to get wrong (an operation without any input)
                assert mode is GenerationMode.NEGATIVE
    assert operations >= 10 and len(statuses) >= 10 * EXAMPLES
    if credential:  # the credential opened the doors: most answers are not 401
        assert sum(status != 401 for status in statuses) > len(statuses) / 2
    assert not failures, "\n\n".join(failures[:5])


def _probe(
    operation, mode, url: str, headers: dict[str, str], failures: list[str], statuses: list[int]
):
    """A hypothesis test of one operation: each drawn request is sent, its answer checked."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def probe(case) -> None:
        if headers:  # the station's own credential, not a generated one
            case.headers = {**(case.headers or {}), **headers}
        response = case.call(base_url=url, timeout=30)
        statuses.append(response.status_code)
        try:
            case.validate_response(response, checks=CHECKS)
        except (
            Exception,
            BaseExceptionGroup,
        ) as exc:  # collected: one report names every operation that failed
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:2000])

    return probe
