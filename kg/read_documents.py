"""Stage 1: read articles (``.txt`` and ``.jsonl``) into :class:`~kg.model.Document` values."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import srsly

from kg.errors import InputError
from kg.model import Document

SUFFIXES = (".txt", ".jsonl")
_DATE_LINE = re.compile(r"^\s?date\s+(\S+)\s*(.*)$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class LoadResult:
    """The documents that loaded, and one :class:`InputError` per file (or line) that did not."""

    documents: list[Document] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)


def _parse_date(value: str, where: str) -> date:
    if not _ISO.match(value):
        raise InputError(
            f"malformed date {value!r} in the date line",
            where=where,
            why="the first line must read ' date YYYY-MM-DD headline'",
            fix="write the date as YYYY-MM-DD, or drop the date line",
        )
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(
            f"impossible date {value!r} in the date line",
            where=where,
            why=str(exc),
            fix="correct the date",
        ) from exc


def _decode(data: bytes, where: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start})",
            where=where,
            why="articles must be UTF-8 encoded plain text",
            fix="re-save the file as UTF-8 (e.g. iconv -t UTF-8)",
        ) from exc
    if "\x00" in text:
        raise InputError(
            "contains NUL bytes",
            where=where,
            why="this looks like a binary file",
            fix="remove the file from the corpus folder",
        )
    return text


def parse_text(data: bytes, file_name: str, doc_id: str) -> Document:
    """Parse one ``.txt`` article: an optional ``date YYYY-MM-DD headline`` first line."""
    text = _decode(data, file_name)
    if not text.strip():
        raise InputError(
            "empty article",
            where=file_name,
            why="the file has no text",
            fix="remove it or add the article text",
        )
    first, _, _ = text.partition("\n")
    title, when = "", None
    m = _DATE_LINE.match(first)
    if m:
        when = _parse_date(m.group(1), file_name)
        title = m.group(2).strip()
    elif first.lstrip().lower().startswith("date "):
        raise InputError(
            "malformed date line",
            where=file_name,
            why="the first line starts with 'date' but has no date after it",
            fix="write ' date YYYY-MM-DD headline' or drop the line",
        )
    if not title:
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), file_name)[:200]
    return Document(
        doc_id=doc_id,
        file_name=file_name,
        title=title,
        date=when,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def parse_jsonl_line(line: bytes, file_name: str, lineno: int) -> Document:
    """Parse one JSON line ``{"id", "date", "title", "text", "url"}``."""
    where = f"{file_name}:{lineno}"
    try:
        obj = srsly.json_loads(_decode(line, where))
    except ValueError as exc:  # bad syntax, nesting too deep, a number too long
        raise InputError(
            "not valid JSON", where=where, why=str(exc), fix="each line must be one JSON object"
        ) from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise InputError(
            "no 'text' in the JSON object",
            where=where,
            why="each line needs at least a non-empty text field",
            fix='write {"id": ..., "date": "YYYY-MM-DD", "title": ..., "text": ...}',
        )
    for name in ("id", "title", "text", "url", "date"):
        value = obj.get(name)
        if isinstance(value, str) and (_unencodable(value) or "\x00" in value):
            raise InputError(
                f"the {name!r} field holds a NUL or a lone surrogate",
                where=where,
                why="such characters cannot be written to RDF or compared as text",
                fix=f"remove the NUL (\\u0000) or unpaired \\ud800-\\udfff escapes from {name!r}",
            )
    raw_date = obj.get("date")
    when = _parse_date(str(raw_date)[:10], where) if raw_date else None
    doc_id = str(obj.get("id") or f"{Path(file_name).stem}-{lineno}")
    text = obj["text"]
    return Document(
        doc_id=doc_id,
        file_name=file_name,
        title=str(obj.get("title") or "")[:300] or text.strip().splitlines()[0][:200],
        date=when,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        url=str(obj.get("url") or ""),
    )


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def doc_id_of(path: Path) -> str:
    """Stable document id: the file stem."""
    return path.stem


def _shown(path: Path) -> str:
    """A path as text that can be printed even when its name is not valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _is_article_name(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def list_article_files(paths: Iterable[Path]) -> tuple[list[Path], list[InputError]]:
    """The article files named by ``paths`` (files, or folders searched one level deep), sorted,
    and the problems met: an article-named entry that is no regular file (a dangling link, a link
    loop, a FIFO, a folder), a named file that is no article, a file name that is not UTF-8."""
    found: list[Path] = []
    problems: list[InputError] = []

    def check(f: Path, named: bool) -> None:
        if not _is_article_name(f):
            if named:
                problems.append(
                    InputError(
                        "not an article file",
                        where=_shown(f),
                        why=f"articles end in {' or '.join(SUFFIXES)}",
                        fix="pass .txt or .jsonl files, or the folder holding them",
                    )
                )
            return
        try:
            os.fsencode(f).decode("utf-8")
        except UnicodeDecodeError:
            problems.append(
                InputError("the file name is not valid UTF-8", where=_shown(f), fix="rename the file")
            )
            return
        try:
            regular = stat.S_ISREG(f.stat().st_mode)  # follows links; never opens a FIFO
        except OSError as exc:  # a dangling link, a link loop
            problems.append(InputError("cannot read the file", where=_shown(f), why=exc.strerror or str(exc)))
            return
        if not regular:
            problems.append(
                InputError(
                    "not a regular file", where=_shown(f), why="a folder, FIFO or device", fix="remove it"
                )
            )
            return
        found.append(f)

    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.iterdir()):
                check(f, named=False)
        elif p.exists() or p.is_symlink():
            check(p, named=True)
        else:
            raise InputError(
                "no such file or folder",
                where=_shown(p),
                fix="pass a folder of .txt/.jsonl articles or article files",
            )
    if not found:
        raise InputError(
            "no articles found",
            where=", ".join(_shown(Path(p)) for p in paths),
            why="; ".join(e.message().splitlines()[0] for e in problems[:3])
            or "no .txt or .jsonl files in the given folders",
            fix="put articles (*.txt, *.jsonl) in the folder, or pass other paths",
        )
    return sorted(set(found)), problems


def read_documents(paths: Iterable[Path]) -> LoadResult:
    """Read every article under ``paths``; bad files are reported in ``problems``, not raised."""
    result = LoadResult()
    seen: dict[str, str] = {}
    files, result.problems = list_article_files(paths)
    for f in files:
        try:
            data = f.read_bytes()
        except OSError as exc:
            result.problems.append(InputError("cannot read the file", where=str(f), why=str(exc)))
            continue
        try:
            if f.suffix.lower() == ".jsonl":
                docs = []
                for i, line in enumerate(data.splitlines(), 1):
                    if line.strip():
                        try:
                            docs.append(parse_jsonl_line(line, str(f), i))
                        except InputError as err:
                            result.problems.append(err)
            else:
                docs = [parse_text(data, str(f), doc_id_of(f))]
        except InputError as err:
            result.problems.append(err)
            continue
        for d in docs:
            if d.doc_id in seen:
                result.problems.append(
                    InputError(
                        f"duplicate document id {d.doc_id!r}",
                        where=d.file_name,
                        why=f"{seen[d.doc_id]} has the same id; ids come from file stems (or the JSON id)",
                        fix="rename one of the files",
                    )
                )
                continue
            seen[d.doc_id] = d.file_name
            result.documents.append(d)
    return result
