"""A minimal Dash HTTP client for benchmarks: build callback requests from the app's own
``/_dash-dependencies`` so they stay in step with the views (no hand-written bodies)."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request


def fetch(url: str, body: dict | None = None, timeout: float = 30) -> tuple[int, bytes, float]:
    """(status, body, seconds) of a GET, or of a JSON POST when ``body`` is given; status 0 when
    the connection failed (refused, reset, timed out)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read(), time.perf_counter() - started
    except OSError:
        return 0, b"", time.perf_counter() - started


class DashClient:
    def __init__(self, base: str):
        self.base = base
        self.dependencies = json.loads(fetch(base + "/_dash-dependencies")[1])

    def callback_body(self, output_contains: str, values: dict, changed: str) -> dict:
        """The request the browser sends for the callback whose output names ``output_contains``;
        ``values`` maps "id.property" to a value (missing inputs are None)."""
        spec = next(d for d in self.dependencies if output_contains in d["output"])

        def items(entries):
            return [{"id": e["id"], "property": e["property"],
                     "value": values.get(f"{e['id']}.{e['property']}")} for e in entries]

        outputs = [dict(zip(("id", "property"), o.rsplit(".", 1)))
                   for o in spec["output"].strip(".").split("...") if o]
        return {"output": spec["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
                "inputs": items(spec["inputs"]), "state": items(spec.get("state", [])),
                "changedPropIds": [changed]}

    def route(self, path: str, search: str = "") -> dict:
        """The router callback for a page load."""
        return self.callback_body("page.children", {"url.pathname": path, "url.search": search}, "url.search")

    def post(self, body: dict) -> tuple[int, bytes, float]:
        return fetch(self.base + "/_dash-update-component", body)
