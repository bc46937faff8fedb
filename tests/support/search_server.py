"""A local stand-in for an Azure AI Search service, written for the tests (no Azure AI Search emulator exists).

It implements only the REST calls PharmaBot makes, in the service's own URL form (`/indexes('NAME')...`):
create-or-update and get index, index documents (`search.index`: upload, mergeOrUpload, delete), search
(`search.post.search`: a tiny term-count ranking over stored documents, with `filter`, `orderby` (fields with
asc/desc), `top`,
`skip`, `select`, and a reranker score when `queryType` is `semantic`) and `$count`. Every request is recorded
(method, path, query, JSON body) so tests assert what the real SDK sent. Failures can be injected: a status for
the next index request, per-document statuses, or a failing search.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from tests.support.servers import serve_in_thread

SEARCH_KEY = "test-search-key"
_PATH = re.compile(r"^/indexes\('(?P<name>[^']+)'\)(?:/docs/(?P<op>search\.index|search\.post\.search|\$count))?$")
_CLAUSE = re.compile(r"^(?P<field>\w+) (?P<op>eq|ne|gt) '(?P<value>(?:[^']|'')*)'$")
_SEARCH_IN = re.compile(r"^search\.in\((?P<field>\w+), '(?P<values>(?:[^']|'')*)', '(?P<sep>[^']+)'\)$")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class SearchServerState:
    """What the stand-in holds, what it was sent, and the failures it is told to inject."""

    indexes: dict[str, dict[str, Any]] = field(default_factory=dict)
    docs: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    fail_next_index: list[int] = field(default_factory=list)  # whole-request statuses, one per index request
    reject: dict[str, list[int]] = field(default_factory=dict)  # per-document statuses, one per attempt
    fail_search: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def calls(self, op: str) -> list[Recorded]:
        """Recorded requests whose path ends with OP (e.g. `search.index`, `search.post.search`, `$count`)."""
        return [r for r in self.requests if r.path.endswith(op)]


def _unquote(value: str) -> str:
    return value.replace("''", "'")


def _matches(doc: dict[str, Any], expression: str | None) -> bool:
    """The few OData forms PharmaBot sends: eq/ne/gt on strings, search.in, or-groups, joined by `and`."""
    if not expression:
        return True
    for clause in expression.split(" and "):
        clause = clause.strip()
        if clause.startswith("(") and clause.endswith(")"):
            if not any(_matches(doc, part) for part in clause[1:-1].split(" or ")):
                return False
            continue
        found = _SEARCH_IN.match(clause)
        if found:
            values = _unquote(found["values"]).split(found["sep"])
            if doc.get(found["field"]) not in values:
                return False
            continue
        found = _CLAUSE.match(clause)
        if found is None:
            raise ValueError(f"unsupported filter: {clause}")
        actual, value = doc.get(found["field"]), _unquote(found["value"])
        ok = {"eq": actual == value, "ne": actual != value, "gt": actual is not None and actual > value}
        if not ok[found["op"]]:
            return False
    return True


def _score(doc: dict[str, Any], terms: list[str]) -> float:
    words = _WORD.findall(" ".join([doc.get("content", ""), doc.get("section_title", "")]).lower())
    return float(sum(words.count(term) for term in terms))


def _search(state: SearchServerState, name: str, body: dict[str, Any]) -> list[dict[str, Any]]:
    docs = [d for d in state.docs.get(name, {}).values() if _matches(d, body.get("filter"))]
    text = body.get("search") or "*"
    scored: list[tuple[float, dict[str, Any]]]
    if text == "*":
        scored = [(1.0, d) for d in docs]
    else:
        terms = _WORD.findall(text.lower())
        scored = [(s, d) for d in docs if (s := _score(d, terms)) > 0]
    boosted = set()
    for parameter in body.get("scoringParameters") or []:
        name_, _, values = parameter.partition("-")
        if name_ == "sections":
            boosted = set(values.split(","))
    scored = [(s * 5 if d.get("section_key") in boosted else s, d) for s, d in scored]
    if body.get("orderby"):  # "field asc, other desc": a stable sort per key, last key first
        for clause in reversed(body["orderby"].split(",")):
            name, _, direction = clause.strip().partition(" ")
            scored.sort(key=lambda item, name=name: item[1].get(name) or 0, reverse=direction == "desc")
    else:
        scored.sort(key=lambda item: (-item[0], item[1]["chunk_id"]))
    skip = int(body.get("skip") or 0)
    top = int(body.get("top") or 50)
    select = body["select"].split(",") if body.get("select") else None
    out = []
    for score, doc in scored[skip : skip + top]:
        shown = {k: v for k, v in doc.items() if k != "content_vector" and (select is None or k in select)}
        shown["@search.score"] = score
        if body.get("queryType") == "semantic":
            shown["@search.rerankerScore"] = round(1 + score / 10, 3)
        out.append(shown)
    return out


def search_app(state: SearchServerState) -> Starlette:
    """The stand-in service as an ASGI app over STATE."""

    async def handle(request: Request) -> Response:
        raw = await request.body()
        body = json.loads(raw) if raw else None
        with state.lock:
            state.requests.append(Recorded(request.method, request.url.path, dict(request.query_params), body))
        if request.headers.get("api-key") != SEARCH_KEY:
            return JSONResponse({"error": {"code": "Unauthorized", "message": "bad key"}}, status_code=401)
        found = _PATH.match(request.url.path)
        if found is None:
            return JSONResponse({"error": {"code": "NotFound", "message": "no such path"}}, status_code=404)
        name, op = found["name"], found["op"]
        if op is None and request.method == "PUT":
            created = name not in state.indexes
            state.indexes[name] = {**body, "@odata.etag": '"1"'}
            state.docs.setdefault(name, {})
            return JSONResponse(state.indexes[name], status_code=201 if created else 200)
        if name not in state.indexes:
            return JSONResponse({"error": {"code": "NotFound", "message": f"no index {name}"}}, status_code=404)
        if op is None and request.method == "GET":
            return JSONResponse(state.indexes[name])
        if op == "$count":
            return PlainTextResponse(str(len(state.docs[name])))
        if op == "search.index":
            if state.fail_next_index:
                status = state.fail_next_index.pop(0)
                return JSONResponse({"error": {"code": "Busy", "message": "try later"}}, status_code=status)
            results = []
            for sent in body["value"]:
                action = dict(sent)  # the recorded body keeps what was sent
                kind = action.pop("@search.action")
                key = action["chunk_id"]
                statuses = state.reject.get(key)
                if statuses:
                    status = statuses.pop(0)
                    results.append({"key": key, "status": False, "errorMessage": "rejected", "statusCode": status})
                    continue
                stored = state.docs[name]
                if kind == "delete":
                    stored.pop(key, None)
                elif kind == "mergeOrUpload" and key in stored:
                    stored[key] = {**stored[key], **action}
                else:
                    stored[key] = action
                results.append({"key": key, "status": True, "errorMessage": None, "statusCode": 200})
            failed = any(not r["status"] for r in results)
            return JSONResponse({"value": results}, status_code=207 if failed else 200)
        if op == "search.post.search":
            if state.fail_search is not None:
                return JSONResponse({"error": {"code": "Bad", "message": "no"}}, status_code=state.fail_search)
            return JSONResponse({"value": _search(state, name, body)})
        return JSONResponse({"error": {"code": "NotFound", "message": "no such operation"}}, status_code=404)

    methods = ["GET", "PUT", "POST", "DELETE"]
    return Starlette(routes=[Route("/{path:path}", handle, methods=methods)])


@contextmanager
def search_server() -> Iterator[tuple[str, SearchServerState]]:
    """Run the stand-in on 127.0.0.1 (port 0) in a thread; yields (endpoint, state)."""
    state = SearchServerState()
    with serve_in_thread(search_app(state), lifespan="off") as url:
        yield url, state
