"""What each change does: the kinds of change between an aligned draft and final paragraph, computed from the two
Chinese texts, each with the words that triggered it, then corrected by editors.

Reads: the alignment's rows (draft paragraphs beside final paragraphs), the texts, and the editors' corrections
(`changes:` in a final article's annotation file, validated in generator/annotations/translations.py). Writes: `Change`s — a
kind, where (the final paragraph or item, or the draft one for a dropped paragraph) and the evidence.

The kinds, and what triggers each (on the redline's deleted and inserted words, or on the two whole texts):
- duty-added / duty-removed: more or fewer 应当 / 不得 / 必须 clauses, or a task (a clause opening with a verb:
  建立…, 推动…) deleted from or inserted into a sentence an 应当 governs, though the 应当 stays;
- force: a duty's force changed — a binding word (应当, 不得, 必须) deleted where a softer one (可以, 鼓励, 支持,
  推动, 引导, 探索) is inserted, or the reverse; a soft verb replaced by one that commits less or more (支持 →
  鼓励); or tasks moved out of an 应当 sentence into one of their own that has no binding word;
- bearer: who bears it — the bodies named as subjects of its clauses differ (人民政府, …部门, …机关, …机构);
- scope: what it covers — members of an enumerated list (joined by 、) added or dropped, or a qualifier of place
  or priority (在本市, 本行政区域内, 全市, 重点) added or dropped; not members that are bodies (that is bearer)
  nor tasks (that is a duty);
- number: a date, number or deadline changed;
- added / dropped: a paragraph with no counterpart on the other side;
- drafting: none of the above and at most a few characters changed (punctuation, an equivalent word, word order);
- wording: none of the above, more than a few characters changed (read the note).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from generator.compare.align import Alignment, Link, Row
from generator.compare.redline import Redline, redline
from generator.corpus.model import Document
from generator.errors import Problem
from generator.strict import Bilingual

ChangeKind = Literal["duty-added", "duty-removed", "force", "bearer", "scope", "number", "added", "dropped", "drafting", "wording"]
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)

BINDING = ("应当", "不得", "必须")
SOFTER = ("可以", "鼓励", "支持", "推动", "引导", "探索")
# How firmly a soft verb commits whoever it governs: a replacement by a lower one softens (支持 -> 鼓励).
COMMITMENT = {"推动": 3, "推进": 3, "促进": 3, "支持": 2, "鼓励": 1, "引导": 1, "探索": 0}
PLACE = ("在本市", "本行政区域内", "全市", "重点")  # qualifiers of place, and of priority (重点支持 -> 支持)
# A task: a clause that opens with one of these verbs (建立…机制, 推动…发展); under an 应当 it is a duty.
TASK = re.compile(
    r"^(?:并|和|及|以及|积极|逐步)?(?:建立|建设|健全|完善|推动|推进|推广|促进|加强|加快|加大|支持|鼓励|引导|培育|打造|构建|"
    r"发展|重点发展|扩大|提升|提高|增强|优化|实施|实现|开展|组织|制定|设立|统筹|整合|保护|保障|规范|落实|发挥|探索|深化|"
    r"丰富|强化|减少|依托|把|为)"
)
# A clause's subject: the words before its first verb, ending in the name of a body.
VERBS = "应当|可以|不得|负责|鼓励|支持|按照|依法|依照|统筹|会同|加强|推动|组织|结合|引导|推进|培育|促进|建立|探索"
SUBJECT = re.compile(rf"^(?!{VERBS})(.{{1,40}}?(?:人民政府|部门|机关|机构|委员会|单位))(?:及其有关部门)?(?={VERBS})")
# Two names of one thing (the draft's 高等院校, the final text's 高等学校): a change between them is drafting.
EQUIVALENT = (("高等院校", "高等学校"),)
CLAUSE = re.compile(r"[，。；：]")
BODY = re.compile(r"(?:人民政府|部门|机关|机构|委员会)$")
NUMBER = re.compile(r"\d+(?:\.\d+)?|[〇一二三四五六七八九十百千万两]+(?=[年月日个项%倍])|××|[×X]")
IGNORABLE = re.compile(r"[\s，。、；：？！“”‘’（）《》【】,.;:?!()\"'的]")
DRAFTING_LIMIT = 4  # changed characters (beyond punctuation and 的) a drafting-only change may have


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    where: str  # final/57/1, final/59/2/3; draft/60/2 for a dropped paragraph
    evidence: str
    by: Literal["computed", "editors"] = "computed"
    why: Bilingual | None = None  # the editors' reason, for a kind they added


def _count(text: str, words: Iterable[str]) -> int:
    return sum(text.count(word) for word in words)


def _subjects(text: str) -> set[str]:
    """The bodies named as the subject of each clause (what comes before its verb, when it ends in 人民政府,
    部门, 机关 …): the bearers of what the clause says."""
    found = set()
    for clause in CLAUSE.split(text):
        match = SUBJECT.match(clause.strip())
        if match:
            found.add(match.group(1))
    return found


def _bodies(subjects: set[str]) -> frozenset[str]:
    """The bodies the subjects name, whatever their order: 住房和城乡建设、行政审批 = 行政审批、住房和城乡建设."""
    found = set()
    for subject in subjects:
        government, rest = re.match(r"^(.*?人民政府)?(.*)$", subject).groups()  # type: ignore[union-attr]
        found |= {government or "", *(re.sub(r"等?(?:部门|机关|机构)$", "", part) for part in rest.split("、"))}
    return frozenset(found)


def _list_changes(segments: Redline) -> list[str]:
    """Members of an enumerated list (joined by 、) the redline deletes or inserts: −商贸 +赛事."""
    found = []
    for index, segment in enumerate(segments):
        if segment.op == "equal":
            continue
        text = segment.text.strip("、，。；")
        before = next((s.text for s in reversed(segments[:index]) if s.op == "equal"), "")
        after = next((s.text for s in segments[index + 1 :] if s.op == "equal"), "")
        joined = before.endswith("、") or after.startswith("、") or segment.text[:1] == "、" or segment.text[-1:] == "、"
        joined = joined or segment.text.startswith(("和", "或者", "以及", "及"))  # the last member: 和国家安全审查
        in_list = ("、" in segment.text and len(segment.text) <= 24) or (len(text) <= 12 and joined)
        if in_list and text:
            found.append(("−" if segment.op == "delete" else "+") + text)
    moved = {change[1:] for change in found if "+" + change[1:] in found and "−" + change[1:] in found}
    return [change for change in found if change[1:] not in moved]  # a member moved within its list is no change


def _governed(text: str, at: int) -> bool:
    """Does a binding word (应当, 必须) earlier in its sentence govern position `at` of `text`?"""
    start = text.rfind("。", 0, at) + 1
    return any(word in text[start:at] for word in ("应当", "必须"))


def _task_clauses(text: str) -> list[str]:
    """The clauses of `text` that are tasks (建立…, 推动…), at least four characters long."""
    pieces = (piece.strip("、") for piece in re.split(r"[，；。]", text))
    return [piece for piece in pieces if len(piece) >= 4 and TASK.match(piece)]


def _under_duty(segments: Redline, old: str, new: str) -> tuple[list[str], list[str], list[str]]:
    """Tasks deleted from, and inserted into, a sentence an 应当 governs; and sentences split off one into a
    sentence of their own with no binding word (the tasks in them are no longer "shall")."""
    removed, added, moved = [], [], []
    at_old = at_new = 0
    for segment in segments:
        if segment.op == "delete":
            removed += _task_clauses(segment.text) if _governed(old, at_old) else []
            at_old += len(segment.text)
        elif segment.op == "insert":
            added += _task_clauses(segment.text) if _governed(new, at_new) else []
            for index, char in enumerate(segment.text):
                start = at_new + index + 1
                end = new.find("。", start)
                sentence = new[start : end if end >= 0 else len(new)]
                split = char == "。" and at_old < len(old) and old[at_old - 1 : at_old] != "。"
                if split and sentence and not any(word in sentence for word in BINDING) and _governed(old, at_old):
                    moved.append("+。" + sentence[:16])
            at_new += len(segment.text)
        else:
            at_old, at_new = at_old + len(segment.text), at_new + len(segment.text)
    return removed, added, moved


def _commitment_changes(segments: Redline) -> list[str]:
    """A soft verb replaced by one that commits more or less (支持 → 鼓励, 鼓励 → 推动)."""
    found = []
    for first, second in itertools.pairwise(segments):
        if {first.op, second.op} != {"delete", "insert"}:
            continue
        deleted, inserted = (first.text, second.text) if first.op == "delete" else (second.text, first.text)
        was = max((word for word in COMMITMENT if word in deleted), key=COMMITMENT.__getitem__, default=None)
        now = max((word for word in COMMITMENT if word in inserted), key=COMMITMENT.__getitem__, default=None)
        if was and now and COMMITMENT[was] != COMMITMENT[now]:
            found.append(f"{was} → {now}")
    return found


def classify(old: str, new: str, where: str) -> list[Change]:
    """The kinds of change from draft text `old` to final text `new` (either may be empty)."""
    if old == new:
        return []
    if not old:
        kinds = [Change("added", where, new[:40])]
        if _count(new, BINDING):
            kinds.append(Change("duty-added", where, "、".join(word for word in BINDING if word in new)))
        return kinds
    if not new:
        kinds = [Change("dropped", where, old[:40])]
        if _count(old, BINDING):
            kinds.append(Change("duty-removed", where, "、".join(word for word in BINDING if word in old)))
        return kinds
    changes: list[Change] = []
    for one, other in EQUIVALENT:
        old = old.replace(one, other)
    if old == new:
        return [Change("drafting", where, " / ".join(" → ".join(pair) for pair in EQUIVALENT))]
    segments = redline(old, new)
    deleted = "".join(s.text for s in segments if s.op == "delete")
    inserted = "".join(s.text for s in segments if s.op == "insert")
    before, after = _count(old, BINDING), _count(new, BINDING)
    tasks_removed, tasks_added, moved_out = _under_duty(segments, old, new)
    if after > before:
        changes.append(Change("duty-added", where, f"{'、'.join(w for w in BINDING if w in inserted) or '应当'} ×{before} → ×{after}"))
    elif tasks_added:
        changes.append(Change("duty-added", where, " ".join(f"+{task[:20]}" for task in tasks_added)))
    if after < before:
        changes.append(Change("duty-removed", where, f"{'、'.join(w for w in BINDING if w in deleted) or '应当'} ×{before} → ×{after}"))
    elif tasks_removed:
        changes.append(Change("duty-removed", where, " ".join(f"−{task[:20]}" for task in tasks_removed)))
    lost = [w for w in BINDING if w in deleted] + [w for w in SOFTER if w in deleted]
    gained = [w for w in BINDING if w in inserted] + [w for w in SOFTER if w in inserted]
    softened = any(w in deleted for w in BINDING) and any(w in inserted for w in SOFTER)
    hardened = any(w in deleted for w in SOFTER) and any(w in inserted for w in BINDING)
    if softened or hardened:
        changes.append(Change("force", where, f"{'、'.join(lost)} → {'、'.join(gained)}"))
    elif moved_out or (commitment := _commitment_changes(segments)):
        changes.append(Change("force", where, " ".join(moved_out or commitment)))
    old_subjects, new_subjects = _subjects(old), _subjects(new)
    if old_subjects and new_subjects and _bodies(old_subjects) != _bodies(new_subjects):  # not a mere reordering
        gone, came = sorted(old_subjects - new_subjects), sorted(new_subjects - old_subjects)
        if gone or came:
            changes.append(Change("bearer", where, " ".join([*(f"−{body}" for body in gone), *(f"+{body}" for body in came)])))
    # Members that are bodies are the bearer's change, members that are tasks a duty's: not scope as well.
    subjects = old_subjects | new_subjects
    scope = [
        member
        for member in _list_changes(segments)
        if re.search(r"[\u4e00-\u9fff]", member)
        and not any(member[1:] in subject for subject in subjects)
        and not BODY.search(member)
        and not TASK.match(member[1:])
    ]
    for qualifier in PLACE:
        if qualifier in old and qualifier not in new:
            scope.append(f"−{qualifier}")
        elif qualifier in new and qualifier not in old:
            scope.append(f"+{qualifier}")
    if scope:
        changes.append(Change("scope", where, " ".join(scope)))
    old_numbers, new_numbers = Counter(NUMBER.findall(old)), Counter(NUMBER.findall(new))
    if old_numbers != new_numbers:
        changes.append(Change("number", where, f"{' '.join(old_numbers) or '—'} → {' '.join(new_numbers) or '—'}"))
    if not changes:
        changed = len(IGNORABLE.sub("", deleted)) + len(IGNORABLE.sub("", inserted))
        deleted, inserted = deleted[:60], inserted[:60]
        kind: ChangeKind = "drafting" if changed <= DRAFTING_LIMIT else "wording"
        changes.append(Change(kind, where, f"−{deleted} +{inserted}".strip()))
    return changes


def _text(keys: tuple[tuple[int, int], ...], document: Document) -> str:
    return "\n".join(document.article(a).paragraphs[p - 1].full_text for a, p in keys)


def link_changes(link: Link, draft: Document, final: Document) -> list[Change]:
    """The computed changes of every row of a draft→final link."""
    found: list[Change] = []
    for row in link.rows:
        found += classify(_text(row.draft, draft), _text(row.final, final), _where(row, draft.id, final.id))
    return found


def _where(row: Row, before: str, after: str) -> str:
    if row.final:
        article, paragraph = row.final[0]
        return f"{after}/{article}/{paragraph}"
    article, paragraph = row.draft[0]
    return f"{before}/{article}/{paragraph}"


@dataclass(frozen=True)
class Correction:
    """An editor's correction of the computed kinds (annotations/final/<n>.yml `changes:`), resolved."""

    where: str
    kind: ChangeKind
    remove: bool
    evidence: str
    file: str
    line: int
    why: Bilingual | None = None


def changes(alignment: Alignment, draft: Document, final: Document, corrections: Iterable[Correction] = ()) -> dict[Link, list[Change]]:
    """Every link with both sides: its changes, computed, then the editors' corrections applied (a removal
    drops that kind at that place; an addition adds it, with the editors' evidence)."""
    fixes = list(corrections)
    found: dict[Link, list[Change]] = {}
    for link in alignment.links:
        if not (link.draft and link.final):
            continue
        listed = link_changes(link, draft, final)
        places = {place for row in link.rows for place in _places(row, (draft.id, final.id))}
        for fix in fixes:
            if _paragraph(fix.where) not in places:
                continue
            if fix.remove:
                listed = [c for c in listed if not (c.kind == fix.kind and c.where == fix.where)]
            else:
                listed.append(Change(fix.kind, fix.where, fix.evidence, "editors", fix.why))
        found[link] = listed
    return found


def removals(link: Link, corrections: Iterable[Correction], compared: tuple[str, str]) -> list[Correction]:
    """The editors' removals of computed kinds at the places of a link (shown with their reasons); `compared`:
    the ids of the earlier and the later text."""
    places = {place for row in link.rows for place in _places(row, compared)}
    return [fix for fix in corrections if fix.remove and _paragraph(fix.where) in places]


def correction_problems(alignment: Alignment, draft: Document, final: Document, corrections: Iterable[Correction]) -> list[Problem]:
    """A correction must name a place of a compared pair, and a removal a kind computed there."""
    computed: dict[str, set[str]] = {}
    for link in alignment.links:
        if link.draft and link.final:
            for row in link.rows:
                for place in _places(row, (draft.id, final.id)):
                    computed.setdefault(place, set())
            for change in link_changes(link, draft, final):
                computed.setdefault(change.where, set()).add(change.kind)
    problems = []
    for fix in corrections:
        if _paragraph(fix.where) not in computed:
            problems.append(
                Problem(fix.file, fix.line, f"{fix.where} is not a paragraph of a compared pair of articles ({draft.id} and {final.id})")
            )
        elif fix.remove and fix.kind not in computed.get(fix.where, set()):
            kinds = ", ".join(sorted(computed.get(fix.where, set()))) or "none"
            problems.append(Problem(fix.file, fix.line, f"{fix.where}: no computed {fix.kind} to remove (computed: {kinds})"))
    return problems


def _paragraph(where: str) -> str:
    """final/59/2/3 -> final/59/2: corrections may name an item; rows are paragraphs."""
    return "/".join(where.split("/")[:3])


def _places(row: Row, compared: tuple[str, str]) -> list[str]:
    before, after = compared
    return [f"{after}/{a}/{p}" for a, p in row.final] + [f"{before}/{a}/{p}" for a, p in row.draft]
