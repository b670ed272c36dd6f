"""Turn a file's bytes into text the way Python would, and remember how to turn it back.

Owns encodings (PEP 263 cookies, BOM), and newline style. Decoding errors are returned as
values for the engine to report as SPT002; nothing here prints.
"""

from __future__ import annotations

import codecs
import io
import tokenize
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str
    encoding: str
    bom: bool
    newline: str


class DecodeFailure(Exception):
    """The bytes are not text in the declared (or default UTF-8) encoding."""


def decode(data: bytes) -> SourceText:
    """Decode Python source bytes; raise DecodeFailure with a one-line reason."""
    if b"\x00" in data:
        raise DecodeFailure("file contains NUL bytes (binary file?)")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        raise DecodeFailure(str(exc)) from None
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeFailure(
            f"cannot decode as {codec} at byte {exc.start}: {exc.reason}"
        ) from None
    except LookupError:
        raise DecodeFailure(f"unknown encoding {encoding!r}") from None
    return SourceText(text, codec, bom, _newline_of(text))


def _newline_of(text: str) -> str:
    index = text.find("\n")
    if index > 0 and text[index - 1] == "\r":
        return "\r\n"
    if index < 0 and "\r" in text:
        return "\r"
    return "\n"
