"""State diagrams drawn on the server as SVG: a small layered layout of a state table.

No script, no network and no vendored renderer: the portal inlines a few kilobytes of SVG. The layout is
the classic layered one, shrunk to what state tables need: edges that point back are reversed so the graph
has no cycles, each state goes to the row of its longest path from the start, long edges get bend points
in the rows they cross, rows are ordered by the barycentre of their neighbours (keeping the order with the
fewest crossings), and every edge leaves the bottom and enters the top of a state at its own port.

Every transition is one ``<path class="transition" data-from data-to>`` and every state one
``<g class="state" data-state>``, so a test reads a diagram back and compares it with its table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape
from typing import Collection, Mapping, Sequence

FONT_PX = 13
CHAR_PX = 7.6  # the width of one character of a status name at FONT_PX in the portal's system font
NODE_H = 32
NODE_PAD = 14
ROW_GAP = 52
SLOT_GAP = 18
BEND_W = 10
MARGIN = 12
SWEEPS = 8

Point = tuple[float, float]
Edge = tuple[str, str]


@dataclass(frozen=True)
class Box:
    """Where a state is drawn: its top-left corner and size."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Route:
    """One transition as drawn: from its source's port to its target's, through its bend points."""

    source: str
    target: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    boxes: Mapping[str, Box]
    routes: tuple[Route, ...]


def table_edges(statuses: Sequence[str], transitions: Mapping[str, Collection[str]]) -> list[Edge]:
    """Every (from, to) of a state table, in the table's own order of statuses."""
    rank = {s: i for i, s in enumerate(statuses)}
    return [(a, b) for a in statuses for b in sorted(transitions.get(a, ()), key=rank.__getitem__)]


def _back_edges(statuses: Sequence[str], edges: list[Edge], initial: Sequence[str]) -> set[Edge]:
    """Edges that close a cycle in a depth-first walk from the start (reversed for layering)."""
    following = defaultdict(list)
    for a, b in edges:
        following[a].append(b)
    state, back = {}, set()  # state: 1 on the walk's path, 2 finished

    def visit(node: str) -> None:
        state[node] = 1
        for nxt in following[node]:
            if state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                visit(nxt)
        state[node] = 2

    for start in [*initial, *statuses]:
        if start not in state:
            visit(start)
    return back


def _rows_of(statuses: Sequence[str], dag: list[Edge]) -> dict[str, int]:
    """Each state's row: the length of the longest path to it from a state nothing leads to."""
    row = {s: 0 for s in statuses}
    incoming = defaultdict(list)
    for a, b in dag:
        incoming[b].append(a)
    done: set[str] = set()

    def depth(node: str) -> int:
        if node not in done:
            row[node] = max((depth(a) + 1 for a in incoming[node]), default=0)
            done.add(node)
        return row[node]

    for s in statuses:
        depth(s)
    return row


def _crossings(rows: list[list[str]], links: list[Edge], pos: dict[str, int], row_of: dict[str, int]) -> int:
    by_row = defaultdict(list)
    for p, q in links:
        by_row[row_of[p]].append((pos[p], pos[q]))
    return sum(
        1
        for pairs in by_row.values()
        for i, (a, b) in enumerate(pairs)
        for c, d in pairs[i + 1 :]
        if (a - c) * (b - d) < 0
    )


def _order_rows(rows: list[list[str]], links: list[Edge], row_of: dict[str, int]) -> list[list[str]]:
    """Barycentre sweeps down and up; the order with the fewest crossings wins."""
    up, down = defaultdict(list), defaultdict(list)
    for p, q in links:
        down[p].append(q)
        up[q].append(p)

    def positions() -> dict[str, int]:
        return {key: i for row in rows for i, key in enumerate(row)}

    def sweep(order: list[int], neighbours: Mapping[str, list[str]]) -> None:
        for r in order:
            pos = positions()
            rows[r].sort(
                key=lambda k: sum(pos[n] for n in neighbours[k]) / len(neighbours[k]) if neighbours[k] else pos[k]
            )

    best = [list(r) for r in rows]
    fewest = _crossings(rows, links, positions(), row_of)
    for _ in range(SWEEPS):
        sweep(list(range(1, len(rows))), up)
        sweep(list(range(len(rows) - 2, -1, -1)), down)
        found = _crossings(rows, links, positions(), row_of)
        if found < fewest:
            best, fewest = [list(r) for r in rows], found
    return best


def node_width(status: str) -> float:
    """The width of a state's box, from its name."""
    return round(len(status) * CHAR_PX + 2 * NODE_PAD)


def layout(statuses: Sequence[str], transitions: Mapping[str, Collection[str]], initial: Sequence[str]) -> Layout:
    """Place every state and route every transition of a state table (top to bottom, start at the top)."""
    edges = table_edges(statuses, transitions)
    back = _back_edges(statuses, edges, initial)
    dag = [(b, a) if (a, b) in back else (a, b) for a, b in edges]
    row_of = _rows_of(statuses, dag)
    rows: list[list[str]] = [[] for _ in range(max(row_of.values()) + 1)]
    for s in statuses:
        rows[row_of[s]].append(s)
    chains, links = [], []
    for u, v in dag:
        chain = [u]
        for r in range(row_of[u] + 1, row_of[v]):
            bend = f"~{len(row_of)}"
            row_of[bend] = r
            rows[r].append(bend)
            chain.append(bend)
        chain.append(v)
        chains.append(chain)
        links.extend(zip(chain, chain[1:]))
    rows = _order_rows(rows, links, row_of)

    width_of = {k: (BEND_W if k.startswith("~") else node_width(k)) for k in row_of}
    mid = _centre_xs(rows, links, width_of)
    left = min(mid[k] - width_of[k] / 2 for k in mid)
    inner = max(mid[k] + width_of[k] / 2 for k in mid) - left
    centre: dict[str, Point] = {}
    boxes: dict[str, Box] = {}
    for r, row in enumerate(rows):
        y = MARGIN + r * (NODE_H + ROW_GAP)
        for key in row:
            x = MARGIN + mid[key] - left
            centre[key] = (x, y + NODE_H / 2)
            if not key.startswith("~"):
                boxes[key] = Box(x - width_of[key] / 2, y, width_of[key], NODE_H)

    ports = _ports(chains, centre, boxes)
    routes = []
    for n, ((a, b), chain) in enumerate(zip(edges, chains)):
        start, end = ports[(n, 0)], ports[(n, 1)]
        points = [start, *(centre[k] for k in chain[1:-1]), end]
        if (a, b) in back:
            points.reverse()  # drawn upwards, so the arrow still points at the real target
        routes.append(Route(a, b, tuple((round(x, 1), round(y, 1)) for x, y in points)))
    return Layout(
        round(inner + 2 * MARGIN),
        round(MARGIN * 2 + len(rows) * NODE_H + (len(rows) - 1) * ROW_GAP),
        boxes,
        tuple(routes),
    )


def _centre_xs(rows: list[list[str]], links: list[Edge], width_of: Mapping[str, float]) -> dict[str, float]:
    """Horizontal centres: each item as near as its row allows to the mean of what it is linked to, rows
    keeping their order and gaps (a least-squares fit per row, solved by pooling adjacent violators)."""
    near = defaultdict(list)
    for p, q in links:
        near[p].append(q)
        near[q].append(p)
    x: dict[str, float] = {}
    for row in rows:  # start packed from 0, each row centred on the widest
        offset = 0.0
        for key in row:
            x[key] = offset + width_of[key] / 2
            offset += width_of[key] + SLOT_GAP
    for _ in range(SWEEPS):
        for row in [*rows, *reversed(rows)]:
            wanted = [sum(x[n] for n in near[k]) / len(near[k]) if near[k] else x[k] for k in row]
            for key, value in zip(row, _fit_in_order(wanted, [width_of[k] for k in row])):
                x[key] = value
    return x


def _fit_in_order(wanted: list[float], widths: list[float]) -> list[float]:
    """Centres closest (least squares) to ``wanted`` that keep their order with SLOT_GAP between boxes."""
    # Subtract each item's minimum distance from the first; what remains must not decrease (isotonic fit).
    shift, shifts = 0.0, []
    for i, w in enumerate(widths):
        if i:
            shift += (widths[i - 1] + w) / 2 + SLOT_GAP
        shifts.append(shift)
    blocks: list[list[float]] = []  # [mean, count]
    for value in (w - s for w, s in zip(wanted, shifts)):
        blocks.append([value, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, count = blocks.pop()
            blocks[-1] = [
                (blocks[-1][0] * blocks[-1][1] + mean * count) / (blocks[-1][1] + count),
                blocks[-1][1] + count,
            ]
    fitted = [mean for mean, count in blocks for _ in range(int(count))]
    return [f + s for f, s in zip(fitted, shifts)]


def _ports(chains: list[list[str]], centre: Mapping[str, Point], boxes: Mapping[str, Box]) -> dict:
    """Spread the edges leaving a state's bottom (and entering its top) along that side, ordered by where
    they go, so no two arrows meet at one point."""
    sides = defaultdict(list)  # (state, "bottom" | "top") -> [(x of the other end, chain number, which end)]
    for n, chain in enumerate(chains):
        sides[(chain[0], "bottom")].append((centre[chain[1]][0], n, 0))
        sides[(chain[-1], "top")].append((centre[chain[-2]][0], n, 1))
    ports = {}
    for (state, side), ends in sides.items():
        box = boxes[state]
        ends.sort()
        for i, (_, n, end) in enumerate(ends):
            x = box.x + box.w * (i + 1) / (len(ends) + 1)
            ports[(n, end)] = (x, box.y + box.h if side == "bottom" else box.y)
    return ports


def path_data(points: Sequence[Point]) -> str:
    """A smooth path through ``points``: each step a cubic curve that leaves and arrives vertically."""
    (x0, y0), rest = points[0], points[1:]
    parts = [f"M{x0:g},{y0:g}"]
    for (x1, y1), (x2, y2) in zip(points, rest):
        mid = (y1 + y2) / 2
        parts.append(f"C{x1:g},{mid:g} {x2:g},{mid:g} {x2:g},{y2:g}")
    return " ".join(parts)


def render_svg(
    lay: Layout,
    *,
    dom_id: str,
    title: str,
    description: str,
    initial: Collection[str] = (),
    terminal: Collection[str] = (),
    taken: Collection[Edge] = (),
    visited: Collection[str] = (),
    current: str | None = None,
) -> str:
    """The diagram as an inline SVG element. ``taken`` transitions and ``visited`` states are highlighted
    (an order's path) and ``current`` is marked as where it stands."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="state-diagram" id="{escape(dom_id)}" '
        f'viewBox="0 0 {lay.width:g} {lay.height:g}" width="{lay.width:g}" height="{lay.height:g}" role="img" '
        f'aria-labelledby="{escape(dom_id)}-title {escape(dom_id)}-desc">',
        f'<title id="{escape(dom_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(dom_id)}-desc">{escape(description)}</desc>',
        "<defs>",
    ]
    for variant in ("", "-taken"):
        out.append(
            f'<marker id="{escape(dom_id)}-arrow{variant}" viewBox="0 0 10 10" refX="9" refY="5" '
            f'markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
            f'<path class="arrowhead{variant}" d="M0,0 L10,5 L0,10 z"/></marker>'
        )
    out.append('</defs><g class="transitions">')
    taken = set(taken)
    # Taken transitions last, so they are drawn over the others.
    for route in sorted(lay.routes, key=lambda r: (r.source, r.target) in taken):
        on_path = (route.source, route.target) in taken
        out.append(
            f'<path class="transition{" taken" if on_path else ""}" data-from="{escape(route.source)}" '
            f'data-to="{escape(route.target)}" d="{path_data(route.points)}" '
            f'marker-end="url(#{escape(dom_id)}-arrow{"-taken" if on_path else ""})">'
            f"<title>{escape(route.source)} → {escape(route.target)}</title></path>"
        )
    out.append('</g><g class="states">')
    for state, box in lay.boxes.items():
        classes = ["state"] + [
            name
            for name, on in (
                ("initial", state in initial),
                ("terminal", state in terminal),
                ("visited", state in visited),
                ("current", state == current),
            )
            if on
        ]
        out.append(
            f'<g class="{" ".join(classes)}" data-state="{escape(state)}">'
            f'<rect x="{box.x:g}" y="{box.y:g}" width="{box.w:g}" height="{box.h:g}" rx="8"/>'
            f'<text x="{box.x + box.w / 2:g}" y="{box.y + box.h / 2:g}" text-anchor="middle" '
            f'dominant-baseline="central" font-size="{FONT_PX}">{escape(state)}</text></g>'
        )
    out.append("</g></svg>")
    return "".join(out)
