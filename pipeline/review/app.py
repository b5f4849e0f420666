"""The review web app (Starlette + Jinja2): the queue, one value beside its page, and the
forms that accept, correct or delete it.

Every request opens the warehouse read-only and closes it before answering, so a `namnd run`
can load between two requests; while a run holds the database for writing the page says
"run in progress" (HTTP 503) instead of failing. Writes go through `Store` into the overrides
folder only. Pages are plain HTML forms (they work without JavaScript); ``review.js`` adds the
keys.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from pipeline.errors import InputError, UsageError, WarehouseBusy
from pipeline.review import forms, images
from pipeline.review.queue import KINDS, Filters, Item, load_items, progress, same_sentence
from pipeline.review.store import Store
from pipeline.warehouse.db import connect_read
from pipeline.warehouse.override_apply import CorrectionState, correction_states
from pipeline.warehouse.overrides import LABELS

HERE = Path(__file__).resolve().parent
#: How long a request waits for a run's write window to close before saying "run in progress".
READ_WAIT_S = 1.0

#: What each table feeds, for "what a correction would change".
FEEDS: dict[str, str] = {
    "projects": "v_projects, v_funding_by_district_year, v_project_series",
    "amounts": "v_max_amounts and the granted totals (cookbook 2)",
    "criteria": "v_criteria_by_year",
}


@dataclass(frozen=True)
class ReviewSettings:
    db_path: Path
    raw_dir: Path
    overrides_dir: Path


class _Busy(Exception):
    """The warehouse cannot be read right now (a run is writing, or there is none)."""


def create_app(settings: ReviewSettings) -> Starlette:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    store = Store(settings.overrides_dir)

    @contextlib.contextmanager
    def reader() -> Iterator[duckdb.DuckDBPyConnection]:
        try:
            con = connect_read(settings.db_path, wait_s=READ_WAIT_S)
        except (WarehouseBusy, UsageError) as exc:
            raise _Busy(str(exc)) from exc
        try:
            yield con
        finally:
            con.close()

    def snapshot(con: duckdb.DuckDBPyConnection) -> tuple[list[Item], list[CorrectionState]]:
        states = correction_states(con, settings.overrides_dir)
        return load_items(con, store.accepted(), states), states

    def filters_of(request: Request) -> Filters:
        q = request.query_params
        return Filters(
            doc=q.get("doc", ""),
            year=q.get("year", ""),
            fund=q.get("fund", ""),
            table=q.get("table", ""),
            todo=q.get("todo", "") == "1",
        )

    def render(request: Request, name: str, status: int = 200, **ctx: Any) -> Response:
        return templates.TemplateResponse(request, name, ctx, status_code=status)

    def busy(request: Request, exc: _Busy) -> Response:
        return render(request, "busy.html", 503, message=str(exc))

    def item_url(item: Item | None, f: Filters) -> str:
        if item is None:
            return "/?" + f.query()
        q = f.query()
        return f"/item/{item.table}/{quote(item.key, safe='')}" + (f"?{q}" if q else "")

    def find(items: list[Item], table: str, key: str) -> Item | None:
        return next((i for i in items if i.table == table and i.key == key), None)

    # ------------------------------------------------------------------ pages

    def queue_page(request: Request) -> Response:
        f = filters_of(request)
        try:
            with reader() as con:
                items, states = snapshot(con)
        except _Busy as exc:
            return busy(request, exc)
        shown = [i for i in items if f.keep(i)]
        counts = {s: sum(1 for c in states if c.state == s) for s in ("pending", "applied")}
        counts["stale"] = sum(1 for c in states if c.state in ("stale", "matching nothing"))
        first = next((i for i in shown if not i.reviewed), shown[0] if shown else None)
        return render(
            request,
            "queue.html",
            items=shown,
            n_all=len(items),
            filters=f,
            first_url=item_url(first, f) if first else "",
            docs=sorted({(i.doc_id, str(i.row.get("source_path"))) for i in items}),
            years=sorted({str(i.row["year"]) for i in items if i.row.get("year")}),
            funds=sorted({str(i.row["fund_type"]) for i in items if i.row.get("fund_type")}),
            progress=progress(items),
            counts=counts,
            states=states,
            item_url=lambda i: item_url(i, f),
        )

    def item_page(request: Request) -> Response:
        return _item(request, errors={}, typed={})

    def _item(
        request: Request,
        errors: dict[str, str],
        typed: dict[str, str],
        status: int = 200,
        message: str = "",
    ) -> Response:
        table, key = request.path_params["table"], request.path_params["key"]
        f = filters_of(request)
        try:
            with reader() as con:
                items, _ = snapshot(con)
                districts = dict(
                    con.execute("SELECT district_id, name FROM districts ORDER BY name").fetchall()
                )
        except _Busy as exc:
            return busy(request, exc)
        item = find(items, table, key)
        if item is None:
            return render(
                request,
                "gone.html",
                404,
                table=table,
                key=key,
                back="/?" + f.query(),
                message=message,
            )
        order = [i for i in items if f.keep(i) or i is item]
        pos = order.index(item)
        prev_item = order[pos - 1] if pos > 0 else None
        next_item = order[pos + 1] if pos + 1 < len(order) else None
        return render(
            request,
            "item.html",
            status,
            item=item,
            pos=pos + 1,
            n=len(order),
            prev_url=item_url(prev_item, f) if prev_item else "",
            next_url=item_url(next_item, f) if next_item else "",
            here=item_url(item, f),
            qs=f.query(),
            same=same_sentence(items, item),
            fields=forms.FIELDS[table],
            funds=forms.fund_types(),
            districts=districts,
            errors=errors,
            typed=typed,
            label_column=LABELS.get(table, ""),
            feeds=FEEDS[table],
            message=message,
            item_url=lambda i: item_url(i, f),
            highlight=_highlight(str(item.row.get("evidence") or ""), item),
        )

    # ------------------------------------------------------------------ actions

    def after(request: Request, item: Item | None, items: list[Item]) -> Response:
        """Go on to the next value to review after `item` in queue order."""
        f = filters_of(request)
        nxt: Item | None = None
        if item is not None and item in items:
            pos = items.index(item)
            rest = items[pos + 1 :] + items[:pos]
            nxt = next((i for i in rest if f.keep(i) and not i.reviewed), None)
        return RedirectResponse(item_url(nxt, f), status_code=303)

    async def accept(request: Request) -> Response:
        return await run_in_threadpool(_accept, request)

    def _accept(request: Request) -> Response:
        table, key = request.path_params["table"], request.path_params["key"]
        try:
            with reader() as con:
                items, _ = snapshot(con)
        except _Busy as exc:
            return busy(request, exc)
        item = find(items, table, key)
        if item is None:
            return _item(request, {}, {}, 404)
        store.accept(table, key, item.fingerprint)
        return after(request, item, items)

    async def delete(request: Request) -> Response:
        form = await request.form()
        return await run_in_threadpool(_delete, request, str(form.get("note") or ""))

    def _delete(request: Request, note: str) -> Response:
        table, key = request.path_params["table"], request.path_params["key"]
        note = note or f"not a {KINDS[table][0]} (review page)"
        try:
            with reader() as con:
                items, _ = snapshot(con)
                item = find(items, table, key)
                if item is None:
                    return _item(request, {}, {}, 404)
                store.correct(con, table, key, "", "", "delete", note)
        except _Busy as exc:
            return busy(request, exc)
        except UsageError as exc:
            return _item(request, {"_": exc.message}, {}, 400)
        return after(request, item, items)

    async def edit(request: Request) -> Response:
        form = await request.form()
        typed = {k: str(v) for k, v in form.items()}
        return await run_in_threadpool(_edit, request, typed)

    def _edit(request: Request, typed: dict[str, str]) -> Response:
        table, key = request.path_params["table"], request.path_params["key"]
        note = typed.get("note", "").strip() or "corrected on the review page"
        try:
            with reader() as con:
                items, _ = snapshot(con)
                item = find(items, table, key)
                if item is None:
                    return _item(request, {}, typed, 404)
                districts = dict(con.execute("SELECT district_id, name FROM districts").fetchall())
                errors: dict[str, str] = {}
                changes: list[tuple[str, str]] = []
                for fld in forms.FIELDS[table]:
                    raw = typed.get(fld.name, "")
                    value, problem = forms.parse(fld, raw, districts)
                    if problem:
                        errors[fld.name] = problem
                    elif value and (
                        fld.name == "district" or value != _text(item.row.get(fld.name))
                    ):
                        changes.append((fld.name, value))
                if not errors and not changes:
                    errors["_"] = "nothing changed: type a new value in a field"
                if errors:
                    return _item(request, errors, typed, 400)
                for column, value in changes:
                    if column == "district":
                        add = {
                            "project_id": key,
                            "district_id": value,
                            "name_as_printed": districts[value],
                        }
                        store.correct(
                            con,
                            "project_districts",
                            f"{key}|{value}",
                            "",
                            _json(add),
                            "add",
                            note,
                        )
                    else:
                        store.correct(con, table, key, column, value, "set", note)
        except _Busy as exc:
            return busy(request, exc)
        except UsageError as exc:
            return _item(request, {"_": exc.message}, typed, 400)
        return after(request, item, items)

    async def undo(request: Request) -> Response:
        form = await request.form()
        back = str(form.get("back") or "/")
        if not back.startswith("/"):
            back = "/"
        try:
            action = await run_in_threadpool(store.undo)
        except UsageError as exc:
            return HTMLResponse(f"<p>undo failed: {exc.message}</p>", status_code=409)
        if action is None:
            return RedirectResponse(back, status_code=303)
        f = filters_of(request)
        table = "projects" if action.table == "project_districts" else action.table
        key = action.key.split("|")[0]
        q = f.query()
        return RedirectResponse(
            f"/item/{table}/{quote(key, safe='')}" + (f"?{q}" if q else ""), status_code=303
        )

    # ------------------------------------------------------------------ images

    def crop(request: Request) -> Response:
        return _image(request, whole=False)

    def page_image(request: Request) -> Response:
        return _image(request, whole=True)

    def _image(request: Request, whole: bool) -> Response:
        table, key = request.path_params["table"], request.path_params["key"]
        try:
            with reader() as con:
                items, _ = snapshot(con)
        except _Busy as exc:
            return Response(str(exc), status_code=503, media_type="text/plain")
        item = find(items, table, key)
        if item is None or not item.from_pdf:
            return Response("no page image for this value", 404, media_type="text/plain")
        path = settings.raw_dir / str(item.row["source_path"])
        page_no = item.box_page
        try:
            if whole:
                png = images.page_png(path, page_no, item.box)
            elif item.box is None:
                return Response("this value has no box", 404, media_type="text/plain")
            else:
                png = images.crop_png(path, page_no, item.box)
        except (InputError, ValueError) as exc:
            return Response(f"cannot render {path}: {exc}", 404, media_type="text/plain")
        return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})

    def page_view(request: Request) -> Response:
        table, key = request.path_params["table"], request.path_params["key"]
        f = filters_of(request)
        q = f.query()
        img = f"/img/{table}/{quote(key, safe='')}/page.png"
        back = f"/item/{table}/{quote(key, safe='')}" + (f"?{q}" if q else "")
        return render(request, "page.html", img=img, back=back)

    routes = [
        Route("/", queue_page),
        Route("/item/{table}/{key}/accept", accept, methods=["POST"]),
        Route("/item/{table}/{key}/delete", delete, methods=["POST"]),
        Route("/item/{table}/{key}/edit", edit, methods=["POST"]),
        Route("/item/{table}/{key}", item_page),
        Route("/page/{table}/{key}", page_view),
        Route("/img/{table}/{key}/crop.png", crop),
        Route("/img/{table}/{key}/page.png", page_image),
        Route("/undo", undo, methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    return Starlette(routes=routes)


def _text(v: object) -> str:
    return "" if v is None else str(v)


def _json(d: dict[str, str]) -> str:
    return json.dumps(d, ensure_ascii=False)


def _highlight(evidence: str, item: Item) -> tuple[str, str, str]:
    """The evidence split around the value: (before, value, after); value "" when not found."""
    value = item.value
    if item.table == "projects":
        value = str(item.row.get("name") or "")
    i = evidence.find(value) if value else -1
    if i < 0 and value:
        i = evidence.lower().find(value.lower())
    if i < 0:
        return evidence, "", ""
    return evidence[:i], evidence[i : i + len(value)], evidence[i + len(value) :]
