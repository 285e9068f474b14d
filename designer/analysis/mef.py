"""Open-PSA MEF fault trees -> a `Circuit` plus basic-event probabilities.

Polarity: in a fault tree an event being TRUE means the basic event occurs
(the thing failed) and the top node is "the top event happens". Design
circuits are the opposite ("works" events, "up" top). Everything built here
is marked `failure_polarity=True` so callers never mix the two.

Supported: `and`, `or`, `atleast`, `not`, `xor`, `nand`, `nor`, `null`
gates; basic events with constant probabilities (`float`, `int`, `bool`);
house events; `exponential` and `GLM` with a mission time. Anything else is
refused with a `MefError` naming the file, the line and the element.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from designer.model import limits

from .ir import Circuit
from .mef_values import house_value, number, probability
from .mef_xml import Element, MefError, read_xml

DEFAULT_MISSION_TIME = 8760.0  # hours; the Open-PSA default


@dataclass
class FaultTree:
    circuit: Circuit
    probabilities: dict[str, float]     # basic event -> probability it occurs
    top_name: str
    failure_polarity: bool = True


@dataclass
class _Model:
    gates: dict[str, tuple[Element, str]] = field(default_factory=dict)
    basics: dict[str, tuple[Element, str]] = field(default_factory=dict)
    houses: dict[str, tuple[Element, str]] = field(default_factory=dict)
    mission_time: float = DEFAULT_MISSION_TIME


def load_fault_tree(model: str | Path, *extra: str | Path) -> FaultTree:
    """Read a model file (and basic-event files) into one fault tree."""
    try:
        return _load(model, *extra)
    except RecursionError:   # only an expression nested thousands deep gets here
        raise MefError(f"{model}: an expression is nested too deeply to evaluate") from None


def _load(model: str | Path, *extra: str | Path) -> FaultTree:
    found = _Model()
    for path in (model, *extra):
        _collect(read_xml(path), str(path), found)
    for limit, table in ((limits.GATES, found.gates), (limits.BASIC_EVENTS, found.basics)):
        if len(table) > limit.value:
            raise MefError(f"{model}: the fault tree {limit.message(len(table))}")
    _refuse_clashes(found)
    top = _top_gate(found, str(model))
    circuit = Circuit()
    probabilities: dict[str, float] = {}
    circuit.top = _Builder(found, circuit, probabilities).build(top)
    return FaultTree(circuit, probabilities, top)


def _collect(root: Element, path: str, found: _Model) -> None:
    tables = {"define-gate": found.gates, "define-basic-event": found.basics,
              "define-house-event": found.houses}
    pending = list(reversed(root.children))     # iterative: containers may nest deeply
    while pending:
        element = pending.pop()
        if element.tag in ("define-fault-tree", "model-data", "define-component"):
            pending.extend(reversed(element.children))
        elif element.tag in tables:
            table = tables[element.tag]
            name = _name(element, path)
            if name in table:
                raise MefError(f"{path}:{element.line}: '{name}' is defined twice")
            table[name] = (element, path)
        elif element.tag == "system-mission-time":
            if not element.children:
                raise MefError(f"{path}:{element.line}: <system-mission-time> holds no value")
            found.mission_time = number(element.children[0], path, found.mission_time)
            if found.mission_time < 0:
                raise MefError(f"{path}:{element.line}: the mission time "
                               f"{found.mission_time:g} is negative")
        elif element.tag == "define-CCF-group":
            raise MefError(f"{path}:{element.line}: common-cause groups "
                           "(<define-CCF-group>) are not supported")
        elif element.tag == "define-parameter":
            raise MefError(f"{path}:{element.line}: parameters (<define-parameter>) are not supported")


def _refuse_clashes(found: _Model) -> None:
    """One name for a gate and an event: which one a reference means would
    be a guess (the gate used to win silently)."""
    kinds = (("gate", found.gates), ("basic event", found.basics),
             ("house event", found.houses))
    for i, (first, table) in enumerate(kinds):
        for second, other in kinds[i + 1:]:
            for name in table.keys() & other.keys():
                element, path = other[name]
                raise MefError(f"{path}:{element.line}: '{name}' is defined both as a "
                               f"{first} and as a {second}")


def _name(element: Element, path: str) -> str:
    name = element.attrib.get("name")
    if not name:
        raise MefError(f"{path}:{element.line}: <{element.tag}> has no name")
    return name


def _top_gate(found: _Model, path: str) -> str:
    """The top event: the one gate that no other gate uses."""
    used: set[str] = set()
    for element, _ in found.gates.values():
        _mark_used(element, used)
    tops = [name for name in found.gates if name not in used]
    if not found.gates:
        raise MefError(f"{path}: no <define-gate>: nothing to analyse")
    if len(tops) != 1:
        listed = ", ".join(tops[:5]) or "none (the gates form a loop)"
        raise MefError(f"{path}: expected one top gate, found {len(tops)}: {listed}")
    return tops[0]


def _mark_used(element: Element, used: set[str]) -> None:
    pending = list(element.children)
    while pending:
        child = pending.pop()
        if child.tag in ("gate", "event"):
            used.add(child.attrib.get("name", ""))
        pending.extend(child.children)


_FORMULAS = {"and", "or", "atleast", "not", "xor", "nand", "nor", "null", "iff", "constant"}
_REFERENCES = {"gate", "basic-event", "house-event", "event"}


class _Builder:
    """Gates -> circuit nodes, children before parents (iteratively: deep
    trees must not hit Python's recursion limit)."""

    def __init__(self, found: _Model, circuit: Circuit, probabilities: dict[str, float]):
        self.found, self.circuit, self.probabilities = found, circuit, probabilities
        self.done: dict[str, int] = {}

    def build(self, top: str) -> int:
        on_path: set[str] = set()
        stack: list[tuple[str, bool]] = [(top, False)]
        while stack:
            name, ready = stack.pop()
            if name in self.done:
                continue
            element, path = self.found.gates[name]
            if ready:
                on_path.discard(name)
                self.done[name] = self._formula(_formula_of(element, path), path)
                continue
            on_path.add(name)
            stack.append((name, True))
            for child in _gate_refs(element, path, self.found):
                if child in on_path:
                    raise MefError(f"{path}:{element.line}: gate '{name}' depends on "
                                   f"itself through '{child}'")
                if child not in self.done:
                    stack.append((child, False))
        return self.done[top]

    def _formula(self, root: Element, path: str) -> int:
        """A gate's formula as a circuit node, arguments first (iteratively:
        a formula may nest thousands deep)."""
        node_of: dict[int, int] = {}
        stack: list[tuple[Element, bool]] = [(root, False)]
        while stack:
            element, ready = stack.pop()
            if element.tag in _REFERENCES:
                node_of[id(element)] = self._reference(element, path)
            elif ready:
                kids = [node_of[id(child)] for child in element.children]
                node_of[id(element)] = self._combine(element, kids)
            else:
                stack.append((element, True))
                stack.extend((child, False) for child in element.children)
        return node_of[id(root)]

    def _combine(self, element: Element, kids: list[int]) -> int:
        tag, c = element.tag, self.circuit
        if tag == "constant":
            return c.const(element.attrib.get("value", "").strip().lower() == "true")
        if tag in ("and", "null"):
            return c.and_(kids)
        if tag == "or":
            return c.or_(kids)
        if tag == "nand":
            return c.not_(c.and_(kids))
        if tag == "nor":
            return c.not_(c.or_(kids))
        if tag == "not":
            return c.not_(kids[0])
        if tag == "xor":
            return c.xor(kids)
        if tag == "iff":
            return c.not_(c.xor(kids))
        return c.atleast(int(element.attrib.get("min", "0")), kids)

    def _reference(self, element: Element, path: str) -> int:
        name = _name(element, path)
        kind = _resolve(element, path, self.found)
        if kind == "gate":
            return self.done[name]
        if kind == "house-event":
            return self.circuit.const(house_value(self.found.houses[name]))
        if name not in self.probabilities:
            where, where_path = self.found.basics[name]
            self.probabilities[name] = probability(where, where_path, self.found.mission_time)
        return self.circuit.event(name)


def _formula_of(gate: Element, path: str) -> Element:
    formulas = [c for c in gate.children if c.tag not in ("label", "attributes")]
    if len(formulas) != 1:
        raise MefError(f"{path}:{gate.line}: gate '{gate.attrib.get('name')}' "
                       "needs exactly one formula")
    formula = formulas[0]
    _check_formula(formula, path)
    return formula


def _check_formula(root: Element, path: str) -> None:
    pending = [root]
    while pending:
        element = pending.pop()
        if element.tag in _REFERENCES:
            continue
        if element.tag not in _FORMULAS:
            raise MefError(f"{path}:{element.line}: <{element.tag}> is not a supported "
                           "gate formula (use and, or, atleast, not, xor)")
        if element.tag == "not" and len(element.children) != 1:
            raise MefError(f"{path}:{element.line}: <not> takes exactly one argument")
        if element.tag == "atleast":
            _check_atleast(element, path)
        pending.extend(element.children)


def _check_atleast(element: Element, path: str) -> None:
    """`min` is a plain whole number from 1 to the number of arguments (0
    would always hold and more than the arguments never: both are mistakes)."""
    raw, n = element.attrib.get("min", "").strip(), len(element.children)
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
        raise MefError(f"{path}:{element.line}: <atleast> needs a whole-number 'min', "
                       f"got '{raw[:20]}'")
    if not 1 <= int(raw) <= n:
        raise MefError(f"{path}:{element.line}: <atleast min=\"{int(raw)}\"> over {n} "
                       f"argument(s): 'min' must be from 1 to {n}")


def _gate_refs(gate: Element, path: str, found: _Model) -> list[str]:
    refs: list[str] = []
    pending = [_formula_of(gate, path)]
    while pending:
        element = pending.pop()
        if element.tag in _REFERENCES:
            if _resolve(element, path, found) == "gate":
                refs.append(element.attrib["name"])
        else:
            pending.extend(element.children)
    return refs


def _resolve(element: Element, path: str, found: _Model) -> str:
    """Which table a reference points into (`<event>` may be any of them)."""
    name = _name(element, path)
    kind = element.tag if element.tag != "event" else element.attrib.get("type", "")
    tables = {"gate": found.gates, "basic-event": found.basics,
              "house-event": found.houses}
    if kind and kind not in tables:
        raise MefError(f"{path}:{element.line}: <event name=\"{name}\"> has the unknown "
                       f"type '{kind[:40]}' (use gate, basic-event or house-event)")
    candidates = [kind] if kind in tables else list(tables)
    for candidate in candidates:
        if name in tables[candidate]:
            return candidate
    what = kind if kind in tables else "event"
    raise MefError(f"{path}:{element.line}: {what} '{name}' is used but never defined")
