"""The values of an Open-PSA MEF model: house events, and basic-event
probabilities from constants, `exponential` and `GLM` over the mission
time, each range-checked with the file and line in the message.
"""
from __future__ import annotations

import math

from .mef_xml import Element, MefError


def house_value(entry: tuple[Element, str]) -> bool:
    """A house event is false unless its <constant> says true."""
    return any(child.tag == "constant" and child.attrib.get("value", "").strip().lower() == "true"
               for child in entry[0].children)


def probability(element: Element, path: str, mission_time: float) -> float:
    expressions = [c for c in element.children if c.tag not in ("label", "attributes")]
    if not expressions:
        raise MefError(f"{path}:{element.line}: basic event "
                       f"'{element.attrib.get('name')}' has no probability")
    value = number(expressions[0], path, mission_time)
    if not 0.0 <= value <= 1.0:
        raise MefError(f"{path}:{element.line}: probability {value} of "
                       f"'{element.attrib.get('name')}' is outside [0, 1]")
    return value


def number(element: Element, path: str, mission_time: float) -> float:
    tag = element.tag
    try:
        if tag in ("float", "int"):
            return float(element.attrib["value"])
        if tag == "bool":
            return 1.0 if element.attrib["value"].strip().lower() == "true" else 0.0
    except (KeyError, ValueError):
        raise MefError(f"{path}:{element.line}: <{tag}> needs a numeric 'value'") from None
    if tag == "system-mission-time":
        return mission_time
    args = [number(child, path, mission_time) for child in element.children]
    if tag in ("exponential", "GLM") and any(a < 0 or not math.isfinite(a) for a in args):
        raise MefError(f"{path}:{element.line}: <{tag}> needs finite arguments that are "
                       f"not negative (rates and times), got "
                       f"{', '.join(f'{a:g}' for a in args)}")
    try:
        if tag == "exponential" and len(args) == 2:
            rate, time = args
            return -math.expm1(-rate * time)
        if tag == "GLM" and len(args) == 4:
            return _glm(*args)
    except (OverflowError, ZeroDivisionError):
        raise MefError(f"{path}:{element.line}: <{tag}> overflows with these "
                       "arguments") from None
    raise MefError(f"{path}:{element.line}: the expression <{tag}> is not supported "
                   "(use a constant probability, exponential or GLM)")


def _glm(gamma: float, rate: float, repair: float, time: float) -> float:
    """Open-PSA GLM: on-demand failure gamma, failure rate, repair rate."""
    total = rate + repair
    if total == 0:
        return gamma
    return (rate - (rate - gamma * total) * math.exp(-total * time)) / total
