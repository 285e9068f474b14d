"""A generated corpus of hostile inputs: the cases of issue 16, each a file
(or a FIFO, a symlink loop, an unreadable file) and the command that once
crashed, hung or ran out of memory on it.

`CASES` is used twice: tests/test_fuzz_hostile.py runs a quick selection in
CI, and tools/hostile_times.py runs all of them and prints exact times.
Each case says which exit codes are acceptable and its time budget."""
from __future__ import annotations

import json
import os
import random
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

BUDGET = 10.0    # seconds: the bar for every case


@dataclass(frozen=True)
class Case:
    name: str
    command: tuple[str, ...]              # "{file}" stands for the generated path
    make: Callable[[Path], Path]          # writes the input into a folder, returns its path
    exits: frozenset[int] = frozenset({2})
    budget: float = BUDGET
    slow: bool = False                    # generated input is big: skipped in the quick run
    process: bool = False                 # a hang, crash or runaway is conceivable: own process
    tags: tuple[str, ...] = field(default_factory=tuple)


# -- design files ------------------------------------------------------------------

def wrapped(components: list[dict], links: list[dict] = (), settings: dict | None = None,
            version=2) -> dict:
    design = {"components": list(components), "links": list(links)}
    if settings:
        design["settings"] = settings
    return {"format": "weaklink", "version": version, "design": design}


def base_parts() -> tuple[list[dict], list[dict]]:
    """A site with a feed, a server with a PSU and a NIC, a switch, an uplink
    to the Internet: the smallest design where services can run."""
    comps = [
        {"id": "internet", "kind": "internet"},
        {"id": "site", "kind": "site", "width": 4000, "height": 4000},
        {"id": "feed", "kind": "utility_feed", "parent": "site"},
        {"id": "uplink", "kind": "isp_uplink", "parent": "site"},
        {"id": "sw", "kind": "switch", "parent": "site"},
        {"id": "srv", "kind": "server", "parent": "site"},
        {"id": "srv-psu", "kind": "psu", "parent": "srv"},
        {"id": "srv-nic", "kind": "nic", "parent": "srv"},
    ]
    links = [
        {"id": "p1", "kind": "power", "source": "feed", "target": "srv-psu"},
        {"id": "p2", "kind": "power", "source": "feed", "target": "sw"},
        {"id": "p3", "kind": "power", "source": "feed", "target": "uplink"},
        {"id": "n1", "kind": "network", "source": "uplink", "target": "internet"},
        {"id": "n2", "kind": "network", "source": "uplink", "target": "sw"},
        {"id": "n3", "kind": "network", "source": "sw", "target": "srv-nic"},
    ]
    return comps, links


def services_linked(n: int, ring: bool) -> dict:
    comps, links = base_parts()
    for i in range(n):
        comps.append({"id": f"svc-{i}", "kind": "service", "parent": "srv",
                      "entry": i == 0, "public": i == 0})
    for i in range(n - 1 + ring):
        links.append({"id": f"d{i}", "kind": "dependency", "source": f"svc-{i}",
                      "target": f"svc-{(i + 1) % n}"})
    return wrapped(comps, links)


def switch_chain(n: int) -> dict:
    comps, links = base_parts()
    comps.append({"id": "app", "kind": "service", "parent": "srv", "entry": True,
                  "public": True})
    links = [l for l in links if l["id"] != "n3"]
    previous = "sw"
    for i in range(n):
        comps.append({"id": f"sw-{i}", "kind": "switch", "parent": "site"})
        links.append({"id": f"sp{i}", "kind": "power", "source": "feed", "target": f"sw-{i}"})
        links.append({"id": f"sn{i}", "kind": "network", "source": previous,
                      "target": f"sw-{i}"})
        previous = f"sw-{i}"
    links.append({"id": "last", "kind": "network", "source": previous, "target": "srv-nic"})
    return wrapped(comps, links)


def placement_chain(n: int) -> dict:
    comps = [{"id": "r0", "kind": "site"}]
    comps += [{"id": f"r{i}", "kind": "rack", "parent": f"r{i - 1}"} for i in range(1, n)]
    return wrapped(comps)


def many(kind: str, n: int) -> dict:
    return wrapped([{"id": f"{kind}-{i}", "kind": kind, "x": (i % 300) * 150.0,
                     "y": (i // 300) * 80.0, "text": "note" if kind == "note" else ""}
                    for i in range(n)])


def generated(n_servers: int) -> dict:
    """Many servers, each with a PSU, a NIC and a service, in one site."""
    comps, links = base_parts()
    for i in range(n_servers):
        comps += [{"id": f"s{i}", "kind": "server", "parent": "site",
                   "x": (i % 200) * 240.0, "y": (i // 200) * 180.0},
                  {"id": f"s{i}-psu", "kind": "psu", "parent": f"s{i}"},
                  {"id": f"s{i}-nic", "kind": "nic", "parent": f"s{i}"},
                  {"id": f"s{i}-app", "kind": "service", "parent": f"s{i}",
                   "entry": True}]
        links += [{"id": f"s{i}-p", "kind": "power", "source": "feed", "target": f"s{i}-psu"},
                  {"id": f"s{i}-n", "kind": "network", "source": "sw", "target": f"s{i}-nic"}]
    return wrapped(comps, links)


def with_beta(beta: str) -> str:
    comps, links = base_parts()
    comps[5]["ccf_group"] = "g"
    text = json.dumps(wrapped(comps, links, settings={"ccf_groups": {"g": 0.5}}))
    return text.replace('"g": 0.5', f'"g": {beta}')


def json_file(builder: Callable[[], dict | str]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        value = builder()
        text = value if isinstance(value, str) else json.dumps(value)
        path = folder / "case.weaklink.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return path
    return make


def raw_file(data: bytes, name: str = "case.weaklink.json") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def fifo(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        os.mkfifo(path)
        return path
    return make


def symlink_loop(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        os.symlink(name + ".b", folder / (name + ".a"))
        os.symlink(name + ".a", folder / (name + ".b"))
        os.symlink(name + ".a", path)
        return path
    return make


def unreadable(text: str, name: str = "case.weaklink.json") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(text)
        path.chmod(0)
        return path
    return make


def in_closed_folder(name: str = "case.weaklink.json") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        closed = folder / "closed"
        closed.mkdir()
        path = closed / name
        path.write_text(json.dumps(wrapped(base_parts()[0], base_parts()[1])))
        closed.chmod(stat.S_IRUSR)        # listable, no search permission
        return path
    return make


def surrogate_name() -> str:
    comps, links = base_parts()
    comps[5]["label"] = "\ud800x"
    comps.append({"id": "app", "kind": "service", "parent": "srv", "entry": True,
                  "label": "\ud800x"})
    return json.dumps(wrapped(comps, links))       # the JSON escape "\\ud800x"


def newline_id() -> dict:
    comps, links = base_parts()
    comps.append({"id": "bad\nid", "kind": "service", "parent": "nowhere\nelse"})
    return wrapped(comps, links)


def long_reference() -> dict:
    comps, links = base_parts()
    comps.append({"id": "app", "kind": "service", "parent": "x" * 10_000})
    return wrapped(comps, links)


def long_digits(where: str) -> str:
    digits = "9" * 5000
    comps, links = base_parts()
    if where == "version":
        return json.dumps(wrapped(comps, links)).replace('"version": 2', f'"version": {digits}')
    return json.dumps(wrapped(comps, links)).replace('"width": 4000', f'"width": {digits}')


# -- Open-PSA MEF files --------------------------------------------------------------

def mef(body: str, encoding: str = "UTF-8") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n<opsa-mef>\n'
            f'<define-fault-tree name="ft">\n{body}\n</define-fault-tree>\n</opsa-mef>\n')


def events(names, p: str = '<float value="0.01"/>') -> str:
    return "\n".join(f'<define-basic-event name="{n}">{p}</define-basic-event>' for n in names)


def flat(op: str, n: int) -> str:
    refs = "".join(f'<basic-event name="e{i}"/>' for i in range(n))
    return mef(f'<define-gate name="top"><{op}>{refs}</{op}></define-gate>\n'
               + events(f"e{i}" for i in range(n)))


def gate_chain(n: int) -> str:
    gates = [f'<define-gate name="g{i}"><or><gate name="g{i + 1}"/>'
             f'<basic-event name="e{i}"/></or></define-gate>' for i in range(n - 1)]
    gates.append(f'<define-gate name="g{n - 1}"><basic-event name="e{n - 1}"/></define-gate>')
    return mef("\n".join(gates) + "\n" + events(f"e{i}" for i in range(n)))


def nested(depth: int, op: str = "and") -> str:
    inner = '<basic-event name="a"/>'
    for _ in range(depth):
        inner = (f"<not>{inner}</not>" if op == "not"
                 else f'<{op}>{inner}<basic-event name="b"/></{op}>')
    return mef(f'<define-gate name="top">{inner}</define-gate>\n' + events("ab"))


def sum_of_products(n_events: int, n_terms: int, seed: int = 16, negated: bool = False) -> str:
    """A random OR of ANDs of 2-4 events; `negated`: the first term's first
    event under a NOT, which takes away the bounds and gives the exact BDD
    `fta`'s bigger budget and memory (a job that runs for half a minute)."""
    rng = random.Random(seed)
    terms = []
    for _ in range(n_terms):
        picked = rng.sample(range(n_events), rng.randint(2, 4))
        parts = [f'<basic-event name="e{i}"/>' for i in picked]
        if negated and not terms:
            parts[0] = f"<not>{parts[0]}</not>"
        terms.append("<and>" + "".join(parts) + "</and>")
    return mef(f'<define-gate name="top"><or>{"".join(terms)}</or></define-gate>\n'
               + events(f"e{i}" for i in range(n_events)))


def simple(expression: str = '<float value="0.01"/>', extra: str = "",
           formula: str = '<or><basic-event name="a"/><basic-event name="b"/></or>') -> str:
    return mef(f'<define-gate name="top">{formula}</define-gate>\n'
               + events("a", expression) + "\n" + events("b") + "\n" + extra)


def xml_file(builder: Callable[[], str], encoding: str = "utf-8") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "case.xml"
        path.write_bytes(builder().encode(encoding, errors="surrogatepass"))
        return path
    return make


def big_comment(megabytes: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "case.xml"
        text = simple()
        head, tail = text.split("<opsa-mef>", 1)
        with open(path, "w") as out:
            out.write(head + "<opsa-mef>\n<!-- ")
            chunk = "x" * (1024 * 1024)
            for _ in range(megabytes):
                out.write(chunk)
            out.write(" -->\n" + tail)
        return path
    return make


# -- the cases ------------------------------------------------------------------------

V = ("validate", "{file}")
A = ("analyze", "{file}")
AJ = ("analyze", "--json", "{file}")
SHOT = ("{file}", "--screenshot", "{out}", "--size", "800x600")
FTA = ("fta", "{file}")
RESULT = frozenset({0, 1, 2})   # a result (0, or 1 with a SPOF) or a refusal (2)

CASES: list[Case] = [
    # memory and time without bound in the design engine
    Case("dependency-ring-400", A, json_file(lambda: services_linked(400, True)), RESULT),
    Case("dependency-ring-1000", A, json_file(lambda: services_linked(1000, True)), RESULT),
    Case("dependency-chain-10000", A, json_file(lambda: services_linked(10_000, False)),
         RESULT, slow=True),
    Case("switch-chain-3000", A, json_file(lambda: switch_chain(3000)), RESULT),
    Case("placement-chain-20000", V, json_file(lambda: placement_chain(20_000))),
    # tracebacks in the design path
    Case("surrogate-name-text", A, json_file(surrogate_name), RESULT),
    Case("surrogate-name-json", AJ, json_file(surrogate_name), RESULT),
    Case("surrogate-name-validate", V, json_file(surrogate_name), RESULT),
    Case("digits-5000-width", A, json_file(lambda: long_digits("width"))),
    Case("digits-5000-version", V, json_file(lambda: long_digits("version"))),
    Case("symlink-loop", V, symlink_loop("loop.weaklink.json")),
    # as root (CI containers) permissions do not bite: then the file is read
    Case("closed-folder", V, in_closed_folder(), frozenset({0, 2})),
    Case("fifo-validate", V, fifo("pipe.weaklink.json")),
    Case("fifo-analyze", A, fifo("pipe.weaklink.json")),
    Case("fifo-screenshot", SHOT, fifo("pipe.weaklink.json")),
    Case("folder-analyze", A, lambda folder: folder),
    Case("unreadable-validate", V, unreadable("{}")),
    Case("unreadable-analyze", A, unreadable("{}")),
    Case("beta-1.5", AJ, json_file(lambda: with_beta("1.5"))),
    Case("beta-negative", AJ, json_file(lambda: with_beta("-0.5"))),
    Case("beta-1e308", AJ, json_file(lambda: with_beta("1e308"))),
    Case("newline-id", V, json_file(newline_id)),
    Case("long-reference", V, json_file(long_reference)),
    # the window on huge designs
    Case("screenshot-100000-notes", SHOT, json_file(lambda: many("note", 100_000)),
         frozenset({0, 2}), slow=True),
    Case("screenshot-100000-sites", SHOT, json_file(lambda: many("site", 100_000)),
         frozenset({0, 2}), slow=True),
    Case("screenshot-100000-components", SHOT, json_file(lambda: generated(25_000)),
         frozenset({0, 2}), slow=True),
    # Open-PSA MEF
    Case("mef-flat-or-1000", FTA, xml_file(lambda: flat("or", 1000)), RESULT),
    Case("mef-flat-or-100000", FTA, xml_file(lambda: flat("or", 100_000)), RESULT, slow=True),
    Case("mef-flat-and-100000", FTA, xml_file(lambda: flat("and", 100_000)), RESULT,
         slow=True),
    Case("mef-gate-chain-1000", FTA, xml_file(lambda: gate_chain(1000)), RESULT),
    Case("mef-gate-chain-10000", FTA, xml_file(lambda: gate_chain(10_000)), RESULT),
    Case("mef-gate-chain-100000", FTA, xml_file(lambda: gate_chain(100_000)), RESULT,
         slow=True),
    Case("mef-nested-500", FTA, xml_file(lambda: nested(500)), RESULT),
    Case("mef-nested-2000", FTA, xml_file(lambda: nested(2000)), RESULT),
    Case("mef-not-3000", FTA, xml_file(lambda: nested(3000, "not")), RESULT),
    # A random sum of products: the exact BDD stops at CUDD's memory ceiling
    # (5-6 s), then Monte Carlo (too many parts for the bounds' work
    # budget). 6-7 s each: measured by tools/hostile_times.py only.
    Case("mef-sop-200x2000", FTA, xml_file(lambda: sum_of_products(200, 2000)), RESULT,
         slow=True),
    Case("mef-sop-400x5000", FTA, xml_file(lambda: sum_of_products(400, 5000)), RESULT,
         slow=True),
    Case("mef-comment-60mb", FTA, big_comment(60), RESULT, slow=True),
    Case("mef-unknown-encoding", FTA, xml_file(lambda: mef("", encoding="X-BOGUS-9"))),
    Case("mef-negative-rate", FTA, xml_file(lambda: simple(
        '<exponential><float value="-1"/><float value="1000"/></exponential>'))),
    Case("mef-negative-time-glm", FTA, xml_file(lambda: simple(
        '<GLM><float value="0.1"/><float value="1"/><float value="1"/>'
        '<float value="-1000"/></GLM>'))),
    Case("mef-empty-mission-time", FTA, xml_file(lambda: simple(
        extra="<model-data><system-mission-time/></model-data>"))),
    Case("mef-huge-number", FTA, xml_file(lambda: simple(f'<float value="{"9" * 5000}"/>'))),
    Case("mef-huge-int", FTA, xml_file(lambda: simple(f'<int value="{"9" * 5000}"/>'))),
    Case("mef-atleast-superscript", FTA, xml_file(lambda: simple(
        formula='<atleast min="\u00b2"><basic-event name="a"/><basic-event name="b"/>'
                '</atleast>'))),
    Case("mef-atleast-0", FTA, xml_file(lambda: simple(
        formula='<atleast min="0"><basic-event name="a"/><basic-event name="b"/></atleast>'))),
    Case("mef-atleast-3-of-2", FTA, xml_file(lambda: simple(
        formula='<atleast min="3"><basic-event name="a"/><basic-event name="b"/></atleast>'))),
    Case("mef-bogus-event-type", FTA, xml_file(lambda: simple(
        formula='<or><event name="a" type="bogus"/><basic-event name="b"/></or>'))),
    Case("mef-gate-event-clash", FTA, xml_file(lambda: simple(
        extra='<define-gate name="a"><basic-event name="b"/></define-gate>',
        formula='<or><event name="a"/><basic-event name="b"/></or>'))),
    Case("mef-fifo", FTA, fifo("pipe.xml")),
    Case("mef-unreadable", FTA, unreadable(simple(), "case.xml"), frozenset({0, 2})),  # root reads
]

# Cases where a hang, a crash or a runaway is conceivable: the quick test
# runs these as real processes, the others in-process (much faster).
IN_A_PROCESS = {"dependency-ring-1000", "switch-chain-3000", "placement-chain-20000",
                "fifo-validate", "fifo-analyze", "fifo-screenshot", "symlink-loop",
                "mef-flat-or-1000", "mef-gate-chain-10000", "mef-not-3000", "mef-fifo"}
CASES = [replace(case, process=case.name in IN_A_PROCESS) for case in CASES]
BY_NAME = {case.name: case for case in CASES}


# -- running one case -------------------------------------------------------------------

@dataclass
class Outcome:
    case: Case
    exit: int | None          # None: killed at the hard limit
    seconds: float
    peak_mb: float
    stderr: str
    stdout: str

    @property
    def traceback(self) -> bool:
        return "Traceback" in self.stderr or "Traceback" in self.stdout

    @property
    def ok(self) -> bool:
        return (self.exit in self.case.exits and not self.traceback
                and self.seconds <= self.case.budget)

    def line(self) -> str:
        said = (self.stderr.strip().splitlines() or self.stdout.strip().splitlines()
                or [""])[0]
        code = "killed" if self.exit is None else f"exit {self.exit}"
        verdict = "ok " if self.ok else "BAD"
        return (f"{verdict} {self.case.name:30} {self.seconds:6.2f} s {self.peak_mb:7.0f} MB "
                f"{code:7} {said[:110]}")


MEMORY_CAP = 3 * 1024 ** 3    # bytes of address space: a runaway case fails, not the machine


def run_case(case: Case, folder: Path, hard_limit: float = 60.0) -> Outcome:
    """Build the case's input in `folder` and run `weaklink` on it in a fresh
    interpreter, capped in time and memory; peak memory from wait4's rusage.
    Output goes to files, not pipes, so waiting never deadlocks."""
    import resource
    import signal
    import subprocess
    import sys
    import time

    target = case.make(folder)
    args = [a.replace("{file}", str(target)).replace("{out}", str(folder / "shot.png"))
            for a in case.command]
    entry = "from designer.cli import main; main()"

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with open(folder / "stdout.txt", "w+") as out, open(folder / "stderr.txt", "w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", entry, *args], stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, preexec_fn=cap, env=env)
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - started > hard_limit:
                os.kill(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        proc.returncode = code if code is not None else -9   # already reaped
        out.seek(0)
        err.seek(0)
        return Outcome(case, code, seconds, usage.ru_maxrss / 1024,
                       err.read(200_000), out.read(200_000))
