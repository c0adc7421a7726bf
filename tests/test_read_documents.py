"""Loading articles: date lines, JSON lines, and clear errors for bad files."""

import os
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.read_documents import parse_jsonl_line, parse_text, read_documents


def test_date_line_gives_date_and_title():
    d = parse_text(b" date 2022-01-10 Talks open in Geneva\n\nBody text.", "a.txt", "a")
    assert d.date == date(2022, 1, 10)
    assert d.title == "Talks open in Geneva"
    assert len(d.sha256) == 64


def test_missing_date_is_allowed():
    d = parse_text(b"Diplomats met again.\nMore text.", "b.txt", "b")
    assert d.date is None and d.title == "Diplomats met again."


@pytest.mark.parametrize(
    "data,fragment",
    [
        (b" date 2022-13-40 Bad\nx", "impossible date"),
        (b" date 10/01/2022 Bad\nx", "malformed date"),
        (b"   \n\n", "empty article"),
        (b"\xff\xfe\xfa broken", "not UTF-8"),
    ],
)
def test_bad_files_raise_input_error_naming_the_file(data, fragment):
    with pytest.raises(InputError) as exc:
        parse_text(data, "corpus/bad.txt", "bad")
    assert fragment in str(exc.value) and "corpus/bad.txt" in str(exc.value)


def test_folder_keeps_good_files_and_reports_bad_ones(corpus_dir):
    (corpus_dir / "good.txt").write_text(" date 2022-01-12 NRC\n\nNATO met Russia.", encoding="utf-8")
    (corpus_dir / "bad.txt").write_bytes(b"\xff\xff")
    (corpus_dir / "notes.md").write_text("ignored")
    result = read_documents([corpus_dir])
    assert [d.doc_id for d in result.documents] == ["good"]
    assert len(result.problems) == 1 and "bad.txt" in result.problems[0].message()


def test_jsonl_articles(corpus_dir):
    (corpus_dir / "feed.jsonl").write_text(
        '{"id": "x1", "date": "2022-01-09", "title": "T", "text": "Talks.", "url": "http://e.org/1"}\n'
        '{"id": "x2", "text": ""}\n',
        encoding="utf-8",
    )
    result = read_documents([corpus_dir])
    assert [d.doc_id for d in result.documents] == ["x1"]
    assert result.documents[0].url == "http://e.org/1"
    assert "feed.jsonl:2" in result.problems[0].message()


def test_empty_folder_is_an_error(corpus_dir):
    with pytest.raises(InputError, match="no articles found"):
        read_documents([corpus_dir])


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_loader_on_arbitrary_bytes_returns_a_document_or_a_clear_error(data):
    try:
        d = parse_text(data, "fuzz.txt", "fuzz")
    except InputError as err:
        assert "fuzz.txt" in err.message()
    else:
        assert d.text.strip() and d.doc_id == "fuzz"


@pytest.mark.parametrize(
    "line, problem",
    [
        (b'{"id": "s", "text": "Talks \\ud800 began."}', "lone surrogate"),
        (b'{"id": "\\udfff", "text": "Talks began."}', "lone surrogate"),
        (b'{"id": "n", "text": "Talks\\u0000 began."}', "NUL"),
        (b"[" * 200_000, "not valid JSON"),
        (b'{"id": ' + b"9" * 5000 + b', "text": "Talks."}', "not valid JSON"),
    ],
)
def test_hostile_json_lines_are_named_errors(line, problem):
    with pytest.raises(InputError, match=problem) as info:
        parse_jsonl_line(line, "feed.jsonl", 3)
    assert "feed.jsonl:3" in info.value.message()


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_json_line_on_arbitrary_bytes_returns_a_document_or_a_clear_error(data):
    try:
        d = parse_jsonl_line(data, "fuzz.jsonl", 1)
    except InputError as exc:
        assert "fuzz.jsonl:1" in exc.message()
    else:
        d.text.encode("utf-8")
        assert "\x00" not in d.text


def test_odd_folder_entries_are_named_not_skipped_silently(corpus_dir):
    (corpus_dir / "good.txt").write_text("Talks began.", encoding="utf-8")
    (corpus_dir / "LOUD.TXT").write_text("Talks began loudly.", encoding="utf-8")
    (corpus_dir / "dangling.txt").symlink_to(corpus_dir / "missing.txt")
    (corpus_dir / "loop.txt").symlink_to(corpus_dir / "loop.txt")
    os.mkfifo(corpus_dir / "pipe.txt")
    (corpus_dir / "folder.txt").mkdir()
    (corpus_dir / "notes.md").write_text("not an article", encoding="utf-8")
    bad = os.fsdecode(b"caf\xe9.txt")
    (corpus_dir / bad).write_text("Talks.", encoding="utf-8")
    result = read_documents([corpus_dir])
    assert sorted(d.doc_id for d in result.documents) == ["LOUD", "good"]
    text = "\n".join(p.message() for p in result.problems)
    for name in ("dangling.txt", "loop.txt", "pipe.txt", "folder.txt", "caf\\xe9.txt"):
        assert name in text
    assert "notes.md" not in text  # other files in a folder are not articles, and not problems
    text.encode("utf-8")  # printable


def test_a_named_file_that_is_no_article_is_a_problem(corpus_dir):
    (corpus_dir / "a.txt").write_text("Talks began.", encoding="utf-8")
    (corpus_dir / "README.md").write_text("# readme", encoding="utf-8")
    result = read_documents([corpus_dir / "a.txt", corpus_dir / "README.md"])
    assert [d.doc_id for d in result.documents] == ["a"]
    assert "README.md" in result.problems[0].message() and "not an article" in result.problems[0].message()


def test_a_duplicate_id_names_both_files(corpus_dir):
    (corpus_dir / "x1.txt").write_text("Talks.", encoding="utf-8")
    (corpus_dir / "feed.jsonl").write_text('{"id": "x1", "text": "More talks."}\n', encoding="utf-8")
    result = read_documents([corpus_dir])
    [problem] = result.problems
    assert "x1.txt" in problem.message() and "feed.jsonl" in problem.message()
