"""Run a job's computation in a forked child process, so `--timeout` and
Ctrl+C stop it on time whatever it is doing.

Why a process: the BDD library (dd/CUDD) holds the interpreter lock for a
whole operation, and one operation on a hostile fault tree ran for minutes;
no thread of ours could run meanwhile, so a thread-based timeout fired 20 s
late or never. The parent only waits on a pipe: it stays responsive, shows
the child's phases as progress, and kills the child when the job stops.

Where fork is missing (Windows) the work runs in-process instead.
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import traceback
from typing import Any, Callable

from .jobs import Progress, on_deep_stack


class WorkerCrashed(RuntimeError):
    """The child died without an answer (a signal, or memory)."""


def run_supervised(progress: Progress, func: Callable[..., Any], *args: Any) -> Any:
    """`func(*args)` in a child; `func` may call `progress.phase(text)`."""
    if not hasattr(os, "fork"):
        return on_deep_stack(func, *args)
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:                                   # the child
        os.close(read_end)
        _die_with(parent)
        _child(progress, write_end, func, args)
    os.close(write_end)
    progress.children.append(pid)
    try:
        return _parent(progress, read_end, pid)
    finally:
        os.close(read_end)
        progress.children.remove(pid)


def _die_with(parent: int) -> None:
    """The child must not outlive its parent: a parent killed with SIGKILL
    (no chance to kill the child) left a CUDD computation running for ever.
    Linux: the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)   # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass                                      # not Linux: the pipe check below
    if os.getppid() != parent:                    # the parent died before prctl
        os._exit(1)


def _child(progress: Progress, out: int, func, args) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # the parent decides when to stop
    progress.phase = lambda text: _send(out, ("phase", text))
    try:
        _send(out, ("ok", on_deep_stack(func, *args)))
    except BaseException as err:                   # noqa: BLE001 - everything goes back
        try:
            _send(out, ("raise", err))
        except Exception:                          # an exception that does not pickle
            _send(out, ("crash", "".join(traceback.format_exception(err))))
    finally:
        os._exit(0)


def _send(out: int, message: tuple) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(struct.pack("<Q", len(data)) + data)
    while view:
        view = view[os.write(out, view):]


def _parent(progress: Progress, source: int, pid: int) -> Any:
    buffer = bytearray()
    while True:
        ready, _, _ = select.select([source], [], [], 0.2)
        if not ready:
            continue
        chunk = os.read(source, 1 << 20)
        if not chunk:
            break
        buffer += chunk
        while len(buffer) >= 8:
            size = struct.unpack("<Q", buffer[:8])[0]
            if len(buffer) < 8 + size:
                break
            kind, payload = pickle.loads(bytes(buffer[8:8 + size]))
            del buffer[:8 + size]
            if kind == "phase":
                progress.phase(payload)
            elif kind == "ok":
                os.waitpid(pid, 0)
                return payload
            elif kind == "raise":
                os.waitpid(pid, 0)
                raise payload
            else:
                os.waitpid(pid, 0)
                raise WorkerCrashed(payload)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    what = f"signal {-code}" if code < 0 else f"exit {code}"
    raise WorkerCrashed(f"the computation stopped without an answer ({what}; "
                        "out of memory?)")
