"""Read the design back out of a PDF that Weaklink exported (no Qt).

A diagram PDF carries the design file as an embedded file named
`ATTACHMENT` (PDF 1.7, 7.11.4), so a PDF sent around for review can be
opened again. This is not a PDF parser: it finds the embedded-file streams
the file specs point at (`/EF << /F n 0 R >>`), or, for a PDF another tool
has rewritten with compressed object streams, tries every stream, and keeps
the first that decodes to a Weaklink file. Sizes are capped as for a plain
design file.
"""
from __future__ import annotations

import json
import re
import zlib
from typing import Iterator

from .errors import LoadError
from .migrate import FORMAT_NAME

ATTACHMENT = "design.weaklink.json"
PDF_MAGIC = b"%PDF-"
_EF = re.compile(rb"/EF\s*<<[^>]*?/U?F\s+(\d+)\s+(\d+)\s+R")
_STREAM = re.compile(rb"stream\r?\n")
_MAX_OUT = 50 * 1024 * 1024


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def design_text_in_pdf(data: bytes, source: str) -> str:
    """The design file's text embedded in PDF `data`, or a LoadError."""
    for candidate in _candidates(data):
        text = _as_design_text(candidate)
        if text is not None:
            return text
    raise LoadError(source, "$", "is a PDF without a Weaklink design attached; only "
                                 "PDFs exported by Weaklink (File > Export) can be opened")


def _candidates(data: bytes) -> Iterator[bytes]:
    seen = set()
    for match in _EF.finditer(data):
        number = (int(match.group(1)), int(match.group(2)))
        if number in seen:
            continue
        seen.add(number)
        obj = re.search(rb"(?<![0-9])%d\s+%d\s+obj" % number, data)
        if obj is not None:
            stream = _stream_after(data, obj.end())
            if stream is not None:
                yield stream
    for match in _STREAM.finditer(data):   # fallback: every stream in the file
        stream = _decoded(data, match.start(), match.end())
        if stream is not None:
            yield stream


def _stream_after(data: bytes, start: int) -> bytes | None:
    match = _STREAM.search(data, start)
    if match is None:
        return None
    return _decoded(data, match.start(), match.end())


def _decoded(data: bytes, keyword: int, body: int) -> bytes | None:
    head = data[max(0, keyword - 400):keyword]
    head = head[head.rfind(b"<<"):]
    if b"/FlateDecode" in head:
        try:
            inflater = zlib.decompressobj()
            out = inflater.decompress(data[body:body + _MAX_OUT], _MAX_OUT)
        except zlib.error:
            return None
        return out
    if b"/Filter" in head:
        return None    # another filter: not ours
    end = data.find(b"endstream", body)
    return data[body:end].rstrip(b"\r\n") if end >= 0 else None


def _as_design_text(candidate: bytes) -> str | None:
    if not candidate.lstrip().startswith(b"{") or FORMAT_NAME.encode() not in candidate[:200]:
        return None
    try:
        text = candidate.decode("utf-8-sig")
        wrapper = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if isinstance(wrapper, dict) and wrapper.get("format") == FORMAT_NAME:
        return text
    return None
