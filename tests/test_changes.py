"""What each change does (generator/compare/changes.py): each kind on constructed pairs, on real pairs read against
the texts, the editors' corrections (and a bad one named by file and line), and the kinds in the export."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Pipeline, run_pipeline
from generator.compare.changes import CHANGE_KINDS, changes, classify
from generator.exports.export import corpus_json
from tests.conftest import ROOT, copy_project, run_cli


def kinds(old: str, new: str) -> dict[str, str]:
    return {change.kind: change.evidence for change in classify(old, new, "final/1/1")}


@pytest.mark.parametrize(
    ("old", "new", "kind", "evidence"),
    [
        ("市人民政府推动数据开放。", "市人民政府应当推动数据开放。", "duty-added", "×0 → ×1"),
        ("市人民政府应当推动数据开放。", "市人民政府推动数据开放。", "duty-removed", "×1 → ×0"),
        ("市人民政府应当建设数据平台。", "市人民政府可以建设数据平台。", "force", "应当 → 可以"),
        ("市人民政府鼓励企业开放数据。", "市人民政府应当组织企业开放数据。", "force", "鼓励 → 应当"),
        ("市发展改革部门应当建设数据平台。", "市数据资源管理部门应当建设数据平台。", "bearer", "−市发展改革部门 +市数据资源管理部门"),
        ("支持举办商贸、培训、会展等活动。", "支持举办会展等活动。", "scope", "−商贸、培训"),
        ("支持在本市举办会展活动。", "支持举办会展活动。", "scope", "−在本市"),
        ("自2023年6月1日起施行。", "自2023年12月31日起施行。", "number", "2023 6 1 → 2023 12 31"),
        ("市人民政府应当推进数据开放。", "市人民政府应当推进数据开放", "drafting", ""),
        (
            "市人民政府应当推进数据开放，提升治理水平。",
            "市人民政府应当推进数据开放，完善公共服务体系建设。",
            "duty-added",
            "+完善公共服务体系建设",
        ),
        ("市人民政府应当推进数据开放，提高服务效率。", "市人民政府应当推进数据开放，提高服务效能。", "drafting", ""),
        ("市人民政府应当推进数据开放，服务经济社会发展。", "市人民政府应当推进数据开放，服务高质量发展。", "wording", ""),
        # A task dropped from a list one 应当 governs: the count of 应当 does not move.
        (
            "市人民政府应当建设数据平台，推动数据开放，培育数据市场。",
            "市人民政府应当建设数据平台，培育数据市场。",
            "duty-removed",
            "−推动数据开放",
        ),
        # A soft verb replaced by one that commits less.
        ("市人民政府支持企业开放数据。", "市人民政府鼓励企业开放数据。", "force", "支持 → 鼓励"),
        # Tasks moved out of an 应当 sentence into one of their own, with no binding word: no longer "shall".
        ("市人民政府应当建设数据平台，推动数据开放。", "市人民政府应当建设数据平台。推动数据开放。", "force", "+。推动数据开放"),
        ("", "市人民政府应当建设数据平台。", "added", ""),
        ("市人民政府应当建设数据平台。", "", "dropped", ""),
    ],
)
def test_each_kind_on_a_constructed_pair(old: str, new: str, kind: str, evidence: str) -> None:
    found = kinds(old, new)
    assert kind in found, found
    assert evidence in found[kind]


def test_a_list_of_bodies_is_the_bearer_not_the_scope() -> None:
    old = "市人民政府发展改革、市场监管等部门应当推进数字化审批。"
    new = "市人民政府发展改革、数据资源管理等部门应当推进数字化审批。"
    found = kinds(old, new)
    assert "bearer" in found and "scope" not in found, found


def test_a_reordering_of_bodies_is_not_a_change_of_bearer() -> None:
    old = "市人民政府住房和城乡建设、行政审批等部门应当推进数字化审批。"
    new = "市人民政府行政审批、住房和城乡建设等部门应当推进数字化审批。"
    assert "bearer" not in kinds(old, new)


def test_identical_texts_have_no_change() -> None:
    assert classify("市人民政府应当推进数据开放。", "市人民政府应当推进数据开放。", "final/1/1") == []


def real(pipeline: Pipeline, final: int) -> dict[tuple[str, str], str]:
    found = changes(
        pipeline.alignment, pipeline.corpus.document("draft"), pipeline.corpus.document("final"), pipeline.annotations.corrections
    )
    link = pipeline.alignment.for_final(final)
    return {(c.kind, c.where): c.evidence for c in found[link]}


def test_real_pairs_read_against_the_texts(pipeline: Pipeline) -> None:
    # Final 57(1): the supported events need no longer be held 在本市, and 商贸、培训 events are dropped.
    evidence = real(pipeline, 57)[("scope", "final/57/1")]
    assert "−在本市" in evidence and "商贸、培训" in evidence
    # Final 59(1): draft 70's 应当鼓励 … 积极探索 becomes 应当对 …; the county-level cities join the bearers.
    final_59 = real(pipeline, 59)
    assert ("force", "final/59/1") in final_59
    assert final_59[("bearer", "final/59/1")] == "−市、县（区）人民政府 +市、县（市、区）人民政府"
    # Final 4: the draft's duty to report to the Standing Committee (draft 4(2)) is dropped.
    final_4 = real(pipeline, 4)
    assert ("dropped", "draft/4/2") in final_4 and ("duty-removed", "draft/4/2") in final_4
    # Final 61: the blank date of entry into force is filled in.
    assert "2023 12 31" in real(pipeline, 61)[("number", "final/61/1")]
    # Final 49(1) is word for word draft 60(1): no change there; draft 60(2) is dropped.
    final_49 = real(pipeline, 49)
    assert not any(where == "final/49/1" for _, where in final_49)
    assert ("dropped", "draft/60/2") in final_49


def test_every_kind_is_a_filter_of_the_tables() -> None:
    css = (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    for kind in CHANGE_KINDS:
        assert f'.filtered:has(#kind-only-{kind}:checked) tbody tr:not([data-kinds~="{kind}"])' in css


def test_the_export_gives_each_link_its_changes(pipeline: Pipeline) -> None:
    exported = corpus_json(pipeline.corpus, pipeline.alignment, pipeline.annotations)["alignment"]
    link = next(entry for entry in exported if entry["final"] == [57])
    assert {"kind": "scope", "where": "final/57/1"}.items() <= next(c for c in link["changes"] if c["kind"] == "scope").items()
    assert all(entry["changes"] == [] for entry in exported if not entry["final"] or not entry["draft"])


def add_changes(project: Path, article: int, block: str) -> int:
    path = project / "annotations" / "final" / f"{article}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\nchanges:\n" + block, encoding="utf-8")
    return len(text.rstrip("\n").splitlines()) + 2  # the line of the first entry


def test_an_editor_corrects_a_computed_kind(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    add_changes(
        project,
        57,
        "  - {where: final/57/1, kind: scope, remove: true, why: {zh: 测试, en: test}}\n"
        "  - {where: final/57/1, kind: bearer, evidence: 数字经济领域重点企业 → 企业, why: {zh: 测试, en: test}}\n",
    )
    pipeline = run_pipeline(project)
    found = real(pipeline, 57)
    assert ("scope", "final/57/1") not in found and found[("bearer", "final/57/1")] == "数字经济领域重点企业 → 企业"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("  - {where: final/57/1, kind: duty, why: {zh: 测试, en: test}}\n", "changes.0.kind: Input should be"),
        ("  - {where: final/58/1, kind: scope, why: {zh: 测试, en: test}, evidence: x}\n", "final/58/1: not a paragraph of final/57"),
        (
            "  - {where: final/57/1, kind: number, remove: true, why: {zh: 测试, en: test}}\n",
            "final/57/1: no computed number to remove (computed: duty-removed, scope)",
        ),
        ("  - {where: final/57/1, kind: scope, why: {zh: 测试, en: test}}\n", "an added kind needs the words that show it"),
    ],
)
def test_a_bad_correction_names_its_file_and_line(tmp_path: Path, block: str, message: str) -> None:
    project = copy_project(tmp_path)
    line = add_changes(project, 57, block)
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"annotations/final/57.yml:{line}" in result.stderr and message in result.stderr, result.stderr
