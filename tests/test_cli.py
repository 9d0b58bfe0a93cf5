"""`python -m generator parse` and `check` as a user runs them. The parse output of two seeds is kept as
golden JSON (refresh with `pytest --update-golden`, then read the diff before committing it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.cli import schemas
from tests.conftest import ROOT, run_cli, seed

GOLDEN = ROOT / "tests" / "golden" / "parse"


@pytest.mark.parametrize(("witness", "document_id"), [("000", "final"), ("004", "heilongjiang")])
def test_parse_matches_golden(witness: str, document_id: str, update_golden: bool) -> None:
    result = run_cli("parse", str(seed(witness).relative_to(ROOT)), "--id", document_id)
    assert result.returncode == 0, result.stderr
    golden = GOLDEN / f"{witness}.json"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("witness", ["000", "001", "002", "003", "004"])
def test_parse_json_shape(witness: str) -> None:
    shown = json.loads(run_cli("parse", str(seed(witness))).stdout)
    assert set(shown) == {"title", "chapters"}
    for chapter in shown["chapters"]:
        assert set(chapter) == {"number", "title", "articles"}
        for article in chapter["articles"]:
            assert set(article) == {"id", "number", "title", "paragraphs"}
            for paragraph in article["paragraphs"]:
                assert set(paragraph) == {"id", "number", "text", "items"}
                assert all(set(item) == {"id", "number", "text"} for item in paragraph["items"])


def test_check_passes_and_reports_counts() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("000 final         8 chapters  61 articles  94 paragraphs  5 items")
    assert lines[3].startswith("003 draft         9 chapters  72 articles")
    assert lines[4].startswith("004 heilongjiang 13 chapters  84 articles")
    assert lines[-1] == "check passed"


def test_parse_of_a_relative_path_from_elsewhere(tmp_path: Path) -> None:
    result = run_cli("parse", str(seed("003")), cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["chapters"][8]["articles"][0]["id"] == "doc/72"


def test_published_schemas_are_up_to_date() -> None:
    for name, schema in schemas().items():
        published = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
        assert published == schema, f"schema/{name} is stale: run python -m generator schema"


def test_align_tsv_has_a_row_per_final_article_and_per_deleted_draft_article() -> None:
    result = run_cli("align", "--format", "tsv")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0][:3] == ["final_article", "draft_articles", "relation"]
    finals = [row for row in rows[1:] if row[0] != "-"]
    deleted = [row for row in rows[1:] if row[0] == "-"]
    assert [int(row[0]) for row in finals] == list(range(1, 62))
    assert finals[22][:3] == ["23", "18", "moved"]
    assert [row[1] for row in deleted] == ["6", "8", "10", "28", "40", "42", "50", "51", "53", "55", "62"]
    assert all(row[2] == "deleted" for row in deleted)


def test_export_json_shape() -> None:
    result = run_cli("export", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["id"] for d in data["documents"]] == ["final", "draft", "heilongjiang"]
    final = data["documents"][0]
    assert final["title"] == {"zh": "石家庄市数字经济促进条例", "en": "Shijiazhuang Municipal Regulations on Promoting the Digital Economy"}
    article = final["chapters"][6]["articles"][8]
    assert article["id"] == "final/59" and article["number"] == 59
    item = article["paragraphs"][1]["items"][4]
    assert item["id"] == "final/59/2/5" and item["zh"] == "主动挽回损失、消除不良影响或者有效阻止危害结果发生。"
    english = yaml.safe_load((ROOT / "annotations" / "final" / "59.yml").read_text(encoding="utf-8"))
    assert item["en"] == " ".join(english["translation"]["paragraphs"][1]["items"][4]["en"].split())
    assert {"final": [23], "draft": [18], "relation": "moved"}.items() <= data["alignment"][22].items()
    assert {"final": [], "draft": [6], "relation": "deleted", "curated": False}.items() <= data["alignment"][61].items()


PAIRS = ROOT.parent / "shared" / "pairs"


def test_align_takes_any_two_files() -> None:
    """`align BEFORE AFTER` on the Statistics Law 2009 -> 2024 (a light amendment): checked by reading both texts —
    2024 articles 6 (统计监督体系), 9 (防范和惩治统计造假 as a duty of local governments) and 20 (国民经济核算制度) are new
    (none of those words is in the 2009 text), and every other 2024 article is a 2009 article renumbered, the
    last three unchanged (51-53 <- 48-50); 2024 art. 50 (civil liability added) comes from 2009 art. 47."""
    result = run_cli("align", str(PAIRS / "statistics-law-2009-06-27.md"), str(PAIRS / "statistics-law-2024-09-13.md"))
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["after_article", "before_articles", "relation", "similarity", "changed"]
    links = {row[0]: (row[1], row[2]) for row in rows[1:]}
    assert len(links) == 53
    assert [after for after, (before, _) in links.items() if before == "-"] == ["6", "9", "20"]
    assert links["7"] == ("6", "modified") and links["21"] == ("18", "identical") and links["50"][0] == "47"
    assert [links[str(n)] for n in (51, 52, 53)] == [("48", "identical"), ("49", "identical"), ("50", "identical")]


def test_align_with_one_file_or_a_missing_one_says_so() -> None:
    one = run_cli("align", str(PAIRS / "statistics-law-2009-06-27.md"))
    assert one.returncode == 1 and "give two files: the older version, then the newer" in one.stderr
    missing = run_cli("align", "/nonexistent/a.md", str(PAIRS / "statistics-law-2024-09-13.md"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr and "/nonexistent/a.md" in missing.stderr
