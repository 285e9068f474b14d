"""A design's fault tree as Open-PSA MEF XML, for SCRAM, XFTA and friends.

The design circuit says "up" over "works" events; a fault tree says "down"
over "fails" events. Each gate is rewritten by De Morgan: AND becomes OR,
OR becomes AND, k of n up becomes n - k + 1 of n down, NOT stays NOT. A
basic event is a component failing, with probability 1 - availability.

A reach gate (network connectivity) has no MEF counterpart, so it is
written as its minimal vertex cuts: "unreachable" = OR over the cuts of the
AND of "vertex unusable", computed exactly from the reach gate's BDD.
"""
from __future__ import annotations

import re
from xml.sax.saxutils import quoteattr

from . import bdd, ir
from .figures import availabilities
from .mcs import minimal_cut_sets

TOP_NAME = "system-down"
_NAME_OK = re.compile(r"[^A-Za-z0-9_\-]")


def write_design_mef(design, path: str) -> None:
    from .structure import compile_design
    compiled = compile_design(design)
    figures = availabilities(design)
    failure = {event: 1.0 - figures[cid] for cid, event in compiled.event_of.items()}
    text = circuit_to_mef(compiled.circuit, failure, design.name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def circuit_to_mef(circuit: ir.Circuit, failure: dict[str, float], title: str) -> str:
    """MEF text of "the top is down", for a circuit in "works" polarity."""
    names = _event_names(circuit)
    needed = circuit.needed()
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<opsa-mef>",
             f"  <define-fault-tree name={quoteattr(_safe(title) or 'design')}>"]
    for index in needed:
        node = circuit.nodes[index]
        if node.op in (ir.EVENT, ir.CONST):
            continue
        name = TOP_NAME if index == circuit.top else f"g{index}"
        lines.append(f"    <define-gate name={quoteattr(name)}>")
        lines.append("      " + _down_formula(circuit, index, names))
        lines.append("    </define-gate>")
    if circuit.nodes[circuit.top].op in (ir.EVENT, ir.CONST):
        lines += [f"    <define-gate name={quoteattr(TOP_NAME)}>",
                  "      " + _ref(circuit, circuit.top, names), "    </define-gate>"]
    for event, name in names.items():
        lines += [f"    <define-basic-event name={quoteattr(name)}>",
                  f"      <label>{_escape(event)}</label>",
                  f'      <float value="{failure[event]!r}"/>',
                  "    </define-basic-event>"]
    lines += ["  </define-fault-tree>", "</opsa-mef>", ""]
    return "\n".join(lines)


def _down_formula(circuit: ir.Circuit, index: int, names: dict[str, str]) -> str:
    node = circuit.nodes[index]
    kids = [_ref(circuit, c, names) for c in node.children]
    op = node.op
    if op == ir.AND:
        return _wrap("or", kids)
    if op == ir.OR:
        return _wrap("and", kids)
    if op == ir.ATLEAST:
        return _wrap("atleast", kids, f' min="{len(kids) - node.k + 1}"')
    if op == ir.NOT:
        return _wrap("not", kids)
    if op == ir.XOR:
        parity = _wrap("xor", kids)
        return parity if len(kids) % 2 else _wrap("not", [parity])
    return _reach_down(circuit, index, names)


def _reach_down(circuit: ir.Circuit, index: int, names: dict[str, str]) -> str:
    """Unreachable = some minimal cut of usable vertices is all unusable."""
    usable = sorted(set(circuit.nodes[index].reach.usable))
    leaf_of = {g: f"u{g}" for g in usable}
    manager = bdd.Manager(list(leaf_of.values()))
    flat = bdd.flatten(bdd.build(circuit, manager, index, leaf_of), manager)
    flat.root ^= 1
    cuts = minimal_cut_sets(flat, manager.leaves, fail_is_high=False)
    by_leaf = {name: g for g, name in leaf_of.items()}
    terms = []
    for order in sorted(cuts.count_by_order()):
        for cut in cuts.of_order(order):
            terms.append(_wrap("and", [_ref(circuit, by_leaf[v], names) for v in cut]))
    return _wrap("or", terms) if terms else '<constant value="false"/>'


def _ref(circuit: ir.Circuit, index: int, names: dict[str, str]) -> str:
    node = circuit.nodes[index]
    if node.op == ir.EVENT:
        return f"<basic-event name={quoteattr(names[node.name])}/>"
    if node.op == ir.CONST:   # "up" is constant, so "down" is its opposite
        return f'<constant value="{"false" if node.value else "true"}"/>'
    name = TOP_NAME if index == circuit.top else f"g{index}"
    return f"<gate name={quoteattr(name)}/>"


def _wrap(tag: str, kids: list[str], attrs: str = "") -> str:
    if len(kids) == 1 and tag in ("and", "or"):
        return kids[0]
    return f"<{tag}{attrs}>" + "".join(kids) + f"</{tag}>"


def _event_names(circuit: ir.Circuit) -> dict[str, str]:
    """Component ids as MEF names: letters, digits, '-' and '_' only, unique."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for event in circuit.event_node:
        base = _safe(event) or "event"
        if not base[0].isalpha():
            base = "c-" + base
        name, n = base, 1
        while name in used or name.startswith("g") and name[1:].isdigit():
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        names[event] = name
    return names


def _safe(text: str) -> str:
    return _NAME_OK.sub("_", text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
