"""Monte Carlo only inside the modules whose BDD does not fit; exact around.

When one module of a fault tree passes the BDD budget, sampling the whole
tree throws away the exact answer for everything else. nus9601 shows how
much that costs: one module holds 1,551 of its 1,567 events, yet it adds
only about 5e-9 to a P(top) of 9.94e-6, and sampling the whole tree gave
1.1e-5 with a 95 % interval of 5e-6 .. 2.5e-5 (six hits in half a million
samples). Sampled on its own, that module's probability (about 1e-5) gets
its own samples, and the modules around it are computed exactly from it:
the interval on P(top) becomes a few parts in ten thousand wide.

P(top) is a multilinear function of the modules' probabilities (each is an
independent stand-in variable of the BDDs around it). Each of the k sampled
modules gets a Wilson interval at confidence 1 - 0.05/k, so all hold at
once with probability at least 95 % (Bonferroni), and P(top) is evaluated
at the corners of that box, where a multilinear function takes its
extremes: the two opposite corners for a coherent tree, which is monotone
in every module.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from statistics import NormalDist
from typing import Callable

from . import ir, montecarlo

CONFIDENCE = 0.95
# Corners looked at for a tree with NOT gates: 2^k evaluations of the
# modules around; past this many sampled modules the whole tree is sampled.
MAX_CORNER_MODULES = 6


class TooManySampled(Exception):
    """More sampled modules than the corners of their box can be evaluated."""


@dataclass(frozen=True)
class SampledModule:
    leaf: str                       # its stand-in's name; "#top" for the top
    events: int                     # basic events under it
    estimate: montecarlo.Estimate   # of P(module), inner modules exact


def sample_module(circuit: ir.Circuit, module: int, stand_ins: dict[int, str],
                  probs: dict[str, float], leaf: str, seed: int) -> SampledModule:
    """P(module) sampled, the modules inside it (`stand_ins`, with their
    exact probabilities in `probs`) drawn as events."""
    found = montecarlo.estimate(circuit, probs, seed=seed, top=module, stand_ins=stand_ins)
    events = sum(circuit.nodes[i].op == ir.EVENT for i in circuit.needed(module))
    return SampledModule(leaf, events, found)


def confidence_interval(sampled: list[SampledModule],
                        top_given: Callable[[dict[str, float]], float],
                        coherent: bool) -> tuple[float, float]:
    """The interval on P(top): `top_given` maps the sampled modules'
    probabilities (by stand-in name) to P(top)."""
    if not coherent and len(sampled) > MAX_CORNER_MODULES:
        raise TooManySampled(f"{len(sampled)} modules sampled")
    z = NormalDist().inv_cdf(1 - (1 - CONFIDENCE) / (2 * len(sampled)))
    boxes = [montecarlo.wilson(s.estimate.hits, s.estimate.samples, z) for s in sampled]
    corners = list(zip(*boxes)) if coherent else itertools.product(*boxes)
    values = [top_given({s.leaf: p for s, p in zip(sampled, corner)}) for corner in corners]
    return min(values), max(values)
