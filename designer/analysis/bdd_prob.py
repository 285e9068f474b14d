"""Probability passes over a flattened BDD (`Flat`, built by bdd.flatten).

P and P(not) of every node come side by side, so "not" never costs a
subtraction; the gradient of P(root) with respect to every leaf comes from
one reverse pass. Small diagrams run as plain Python loops; big ones run
the bounds' compiled passes with one column (part_kernels.py), or, without
numba, level by level with numpy (all nodes of one level depend only on
deeper levels): a million-node fault tree in a fraction of a second.
"""
from __future__ import annotations

import numpy as np

from .flat import Flat
from .part_kernels import kernels

VECTOR_FROM = 20_000   # nodes; below this the numpy set-up costs more than it saves
# numpy's level passes cost about 0.6 us a node, importing numba and
# loading the compiled passes about 0.4 s once per process: from this size
# a diagram is worth the load (else only when the bounds loaded them).
LOAD_COMPILED_FROM = 500_000


def probability(flat: Flat, p_leaf: list[float]):
    """P and P(not) of every node, side by side so that 'not' never costs a
    subtraction: a design at six nines keeps its digits."""
    if flat.size > VECTOR_FROM and flat.has_rank:
        compiled = kernels(load=flat.size >= LOAD_COMPILED_FROM)
        if compiled is not None:
            return _probability_compiled(flat, p_leaf, compiled)
        return _probability_by_level(flat, p_leaf)
    P, Q = [1.0], [0.0]
    var, high, low = flat.var, flat.high, flat.low
    for i in range(1, len(var)):
        p = p_leaf[var[i]]
        h, l = high[i], low[i]
        hp, hq = (Q[h >> 1], P[h >> 1]) if h & 1 else (P[h >> 1], Q[h >> 1])
        lp, lq = (Q[l >> 1], P[l >> 1]) if l & 1 else (P[l >> 1], Q[l >> 1])
        P.append(p * hp + (1 - p) * lp)
        Q.append(p * hq + (1 - p) * lq)
    return P, Q


def edge_value(edge: int, P: list[float], Q: list[float]) -> tuple[float, float]:
    return (Q[edge >> 1], P[edge >> 1]) if edge & 1 else (P[edge >> 1], Q[edge >> 1])


def gradient(flat: Flat, p_leaf: list[float], P, Q) -> list[float]:
    """dP(root)/dp for every leaf, in one reverse pass: the adjoint of a node
    is dP(root)/dP(node); a complemented edge flips its sign."""
    if flat.size > VECTOR_FROM and flat.has_rank:
        compiled = kernels(load=flat.size >= LOAD_COMPILED_FROM)
        if compiled is not None:
            return _gradient_compiled(flat, p_leaf, P, Q, compiled)
        return _gradient_by_level(flat, p_leaf, P, Q)
    grad = [0.0] * len(p_leaf)
    var, high, low = flat.var, flat.high, flat.low
    adjoint = [0.0] * len(var)
    root = flat.root
    adjoint[root >> 1] = -1.0 if root & 1 else 1.0
    for i in range(len(var) - 1, 0, -1):
        weight = adjoint[i]
        if weight == 0.0:
            continue
        p = p_leaf[var[i]]
        h, l = high[i], low[i]
        grad[var[i]] += weight * (edge_value(h, P, Q)[0] - edge_value(l, P, Q)[0])
        adjoint[h >> 1] += (-weight if h & 1 else weight) * p
        adjoint[l >> 1] += (-weight if l & 1 else weight) * (1 - p)
    return grad


# -- the same passes compiled (part_kernels.py, one column) ----------------------

def _one_column(flat: Flat, p_leaf: list[float]):
    p = np.asarray(p_leaf, dtype=float).reshape(-1, 1)
    return flat.array("var"), flat.array("high"), flat.array("low"), p, 1.0 - p


def _probability_compiled(flat: Flat, p_leaf: list[float], compiled):
    forward = compiled[0]
    var, high, low, p, q = _one_column(flat, p_leaf)
    values = np.empty((2 * len(var), 1))
    forward(var, high, low, p, q, values, np.full(len(var), 3, dtype=np.uint8))
    return values[0::2, 0], values[1::2, 0]


def _gradient_compiled(flat: Flat, p_leaf: list[float], P, Q, compiled) -> list[float]:
    backward = compiled[1]
    var, high, low, p, q = _one_column(flat, p_leaf)
    values = np.empty((2 * len(var), 1))
    values[0::2, 0], values[1::2, 0] = P, Q
    grad = np.zeros((len(p_leaf), 1))
    backward(var, high, low, p, q, values, flat.root, np.ones(len(p_leaf), dtype=np.bool_),
             grad, np.empty((len(var), 1)), compiled[3](high, low, flat.root))
    return grad[:, 0].tolist()


# -- the same passes, one numpy step per level ---------------------------------

def _arrays(flat: Flat, p_leaf: list[float]):
    var = flat.array("var").copy()
    var[0] = 0
    high, low = flat.array("high"), flat.array("low")
    p = np.asarray(p_leaf, dtype=float)[var] if len(p_leaf) else np.zeros(len(var))
    return var, high, low, p


def _edge(edges: np.ndarray, P: np.ndarray, Q: np.ndarray):
    node, negated = edges >> 1, (edges & 1).astype(bool)
    return np.where(negated, Q[node], P[node]), np.where(negated, P[node], Q[node])


def _probability_by_level(flat: Flat, p_leaf: list[float]):
    var, high, low, p = _arrays(flat, p_leaf)
    P, Q = np.ones(len(var)), np.zeros(len(var))
    for nodes in flat.levels():
        hp, hq = _edge(high[nodes], P, Q)
        lp, lq = _edge(low[nodes], P, Q)
        pn = p[nodes]
        P[nodes] = pn * hp + (1 - pn) * lp
        Q[nodes] = pn * hq + (1 - pn) * lq
    return P, Q


def _gradient_by_level(flat: Flat, p_leaf: list[float], P, Q) -> list[float]:
    var, high, low, p = _arrays(flat, p_leaf)
    P, Q = np.asarray(P), np.asarray(Q)
    grad = np.zeros(len(p_leaf))
    adjoint = np.zeros(len(var))
    adjoint[flat.root >> 1] = -1.0 if flat.root & 1 else 1.0
    for nodes in reversed(flat.levels()):      # top level first
        weight = adjoint[nodes]
        h, l, pn = high[nodes], low[nodes], p[nodes]
        np.add.at(grad, var[nodes], weight * (_edge(h, P, Q)[0] - _edge(l, P, Q)[0]))
        np.add.at(adjoint, h >> 1, np.where(h & 1, -weight, weight) * pn)
        np.add.at(adjoint, l >> 1, np.where(l & 1, -weight, weight) * (1 - pn))
    return grad.tolist()
