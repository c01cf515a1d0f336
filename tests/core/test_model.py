"""The wording model and the judgement: plain data, made from the corpus they claim, and read
the same way at training and at checking time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from extras import python_with_extra

from core import check, corpus
from core.check import analyse
from core.judgement import JudgementFileError, read_judgement, read_shipped_judgement
from core.model import (
    LINK_MARK, NUMBER_MARK, ModelFileError, confidence, grams_of, read_model, read_shipped_model,
)
from core.normalize import normalize
from core.train import Example, assign_folds, group_of, judgement_toml, model_json

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "resources" / "model" / "wording.json"


def test_the_shipped_model_is_small_plain_data():
    assert MODEL.stat().st_size <= 3_000_000
    model = read_shipped_model()
    assert len(model.weights) > 10_000


def test_the_shipped_model_and_judgement_were_made_from_this_corpus():
    digest = corpus.load(ROOT / "corpus" / "messages.jsonl").digest()
    assert read_shipped_model().corpus_sha256 == digest, "retrain: python -m core train"
    assert read_shipped_judgement().chosen["corpus_sha256"] == digest, "retrain: python -m core train"


def test_the_model_reads_links_numbers_and_digits_as_marks():
    text = analyse("至急 03-1234-5678 へ。詳細 https://example.com/x 残高12,345円").model_text.text
    assert NUMBER_MARK in text and LINK_MARK in text
    assert "03-1234" not in text and "example" not in text
    assert "00,000円" in text


def test_the_wordings_highlights_sit_on_what_was_pasted():
    pasted = "お客様のアカウントは一時停止されました。２４時間以内にご確認ください。"
    verdict = check(pasted)
    wording = next(r for r in verdict.reasons if r.id == "SCAM_WORDING")
    assert wording.spans
    for start, end in wording.spans:
        assert 0 <= start < end <= len(pasted)
        # what the model read there is what the user pasted, normalised
        assert normalize(pasted[start:end]).text.strip()


def test_a_number_or_a_greeting_is_not_judged_by_its_wording():
    assert confidence(analyse("03-1234-5678").model_text.text) == 0
    assert 0 < confidence(analyse("ありがとう").model_text.text) < 1
    assert {r.id for r in check("03-1234-5678").reasons}.isdisjoint({"SCAM_WORDING", "ORDINARY_WORDING"})


def test_n_grams_are_the_distinct_one_to_three_character_pieces():
    assert grams_of("abab", (1, 2, 3)) == {"a", "b", "ab", "ba", "aba", "bab"}


def test_a_model_file_round_trips_and_a_broken_one_is_refused():
    model = read_shipped_model()
    again = read_model(model_json(model))
    assert again == model
    raw = json.loads(model_json(model))
    for broken in ({**raw, "format": 99}, {**raw, "orders": [1, 2]}, {**raw, "bias": "x"},
                   {**raw, "weights": {"a": float("nan")}}):
        with pytest.raises(ModelFileError):
            read_model(json.dumps(broken))
    with pytest.raises(ModelFileError):
        read_model("{not json")


def test_a_judgement_file_round_trips_and_a_broken_one_is_refused():
    judgement = read_shipped_judgement()
    figures = {"scam_caught": 1, "scams": 2, "scam_danger": 1, "genuine_flagged": 0, "genuine_danger": 0, "genuine": 2}
    again = read_judgement(judgement_toml(judgement, figures, "0" * 64, 4, 5))
    assert (again.danger, again.caution, again.weights, again.bound, again.neutral, again.rule_extra) == (
        judgement.danger, judgement.caution, judgement.weights, judgement.bound, judgement.neutral,
        judgement.rule_extra)
    text = judgement_toml(judgement, figures, "0" * 64, 4, 5)
    for broken in (text.replace("[levels]", "[levels]\nextra = 1"),
                   text.replace(f"caution = {judgement.caution}", "caution = 50.0"),
                   text.replace("[weights]", "[weights]\nsurprise = 1.0"),
                   text.replace("[rule_extra]", "[rule_extra]\nSOME_RULE = -0.5"), "not = [toml"):
        with pytest.raises(JudgementFileError):
            read_judgement(broken)


def test_cross_validation_folds_never_split_a_source_site():
    messages = corpus.load(ROOT / "corpus" / "messages.jsonl").messages
    examples = [Example(message=m, analysis=None, group=group_of(m)) for m in messages]
    folds = assign_folds(examples, 5)
    fold_of_group: dict[str, int] = {}
    for example, fold in zip(examples, folds):
        assert fold_of_group.setdefault(example.group, fold) == fold
    sizes = [folds.count(k) for k in range(5)]
    assert max(sizes) - min(sizes) < 0.1 * len(examples)  # balanced, roughly
    assert assign_folds(examples, 5) == folds  # and the same every time


def test_another_draw_of_the_folds_keeps_sites_whole_and_mixes_them_differently():
    """The judgement is chosen on predictions pooled over several draws of the folds (one draw's
    danger line moved dozens of scams with which sites shared a fold): each draw keeps every
    site in one fold, stays balanced, and is a different split, the same every time."""
    messages = corpus.load(ROOT / "corpus" / "messages.jsonl").messages
    examples = [Example(message=m, analysis=None, group=group_of(m)) for m in messages]
    first, second = assign_folds(examples, 5), assign_folds(examples, 5, draw=1)
    fold_of_group: dict[str, int] = {}
    for example, fold in zip(examples, second):
        assert fold_of_group.setdefault(example.group, fold) == fold
    sizes = [second.count(k) for k in range(5)]
    assert max(sizes) - min(sizes) < 0.1 * len(examples)
    def parts(folds):
        return {frozenset(e.group for e, f in zip(examples, folds) if f == k) for k in range(5)}
    assert parts(first) != parts(second)  # another split, not the same one with its folds renamed
    assert assign_folds(examples, 5, draw=1) == second


@pytest.mark.slow
def test_training_again_on_the_corpus_gives_the_shipped_files_byte_for_byte(tmp_path, tmp_path_factory):
    """The train extra is installed for this test when missing (a minute in CI)."""
    env = python_with_extra("train", tmp_path_factory)
    run = subprocess.run([sys.executable, "-m", "core", "train", "--out", str(tmp_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    recorded = read_shipped_model().trainer["scikit-learn"]
    made = json.loads((tmp_path / "wording.json").read_text(encoding="utf-8"))["trainer"]["scikit-learn"]
    if made != recorded:
        pytest.skip(f"scikit-learn {made} here, the model was made with {recorded}")
    # the n-gram weights come from liblinear, exactly; the judgement from an optimiser whose
    # last digit may move with the machine's linear-algebra library
    assert (tmp_path / "wording.json").read_bytes() == (ROOT / "resources" / "model" / "wording.json").read_bytes()
    made, shipped = (read_judgement((folder / "judgement.toml").read_text(encoding="utf-8"))
                     for folder in (tmp_path, ROOT / "resources" / "model"))
    assert made.chosen == shipped.chosen
    assert (made.danger, made.bound) == (shipped.danger, shipped.bound)
    assert made.caution == pytest.approx(shipped.caution, abs=0.11)
    assert made.neutral == pytest.approx(shipped.neutral, rel=1e-3)
    assert made.weights == pytest.approx(shipped.weights, rel=1e-3)
    extras = set(made.rule_extra) | set(shipped.rule_extra)  # a tiny extra may round to none
    assert ({r: made.rule_extra.get(r, 0.0) for r in extras}
            == pytest.approx({r: shipped.rule_extra.get(r, 0.0) for r in extras}, rel=1e-3, abs=1e-3))


_LINE_STORY = """
import json
from core.train import _threshold
genuine = [i / 100 for i in range(1300)]  # 1,300 genuine messages' scores, evenly spread
plain_gap = genuine[-7] - genuine[-8]
line = _threshold(genuine, 6)
moved = genuine[:-7] + [genuine[-7] + 5.0] + genuine[-6:]  # the seventh highest jumps past the rest
print(json.dumps({"above": sum(g > line for g in genuine), "shift": _threshold(moved, 6) - line,
                  "plain_gap": plain_gap}))
"""


def test_the_danger_line_does_not_jump_when_one_genuine_message_scores_higher(tmp_path_factory):
    """The genuine-danger budget allows a handful of messages (6 in 1,300): the line is where
    about six lie above it, and one message scoring higher moves it less than the gap between
    two neighbours, instead of carrying it to the next message's score."""
    env = python_with_extra("train", tmp_path_factory)
    run = subprocess.run([sys.executable, "-c", _LINE_STORY], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout)
    assert 5 <= seen["above"] <= 7
    assert 0 < seen["shift"] < seen["plain_gap"]


_SPENT_STORY = """
import json
from core.train import _Scored, _scaled
from core.verdict import Level
import numpy

def row(scam, warnings, lean, backed):
    return _Scored(reassurance=0.0, evidence=lean, confidence=1.0, asks=True, warning=False,
                   scam=scam, notice=False, floor=Level.NO_SIGNS, backed=backed,
                   by_rule=(("", warnings),) if warnings else ())

# 1,000 genuine messages with a little of both, 100 scams; then 20 real notices whose wording
# alone scores high, with no warning rule behind them: they can only ever be caution
base = [row(False, (i % 10) / 10, (i % 7) / 7, True) for i in range(1000)]
base += [row(True, 3.0 + i / 50, 2.0, True) for i in range(100)]
wordy = [row(False, 0.0, 4.0, False) for _ in range(20)]
w, b = numpy.array([1.0, 0.0, 1.0, 0.0]), -3.0
def line(rows):
    x = numpy.array([[p.warnings, p.reassurance, max(p.evidence, 0.0), 0.0] for p in rows])
    return _scaled(rows, x, w, b, 0.0, {}).weights["rules"]
print(json.dumps({"without": line(base), "with": line(base + wordy)}))
"""


def test_genuine_messages_that_cannot_be_danger_do_not_spend_the_danger_budget(tmp_path_factory):
    """A real notice whose wording alone scores high, with no warning rule behind it, stays
    caution (danger always names a pattern): it must not push the danger line up, and with it
    every scam near the line down. Points per rule point stay what they were without it."""
    env = python_with_extra("train", tmp_path_factory)
    run = subprocess.run([sys.executable, "-c", _SPENT_STORY], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout)
    assert seen["with"] == pytest.approx(seen["without"], rel=0.02)


_POSTED_STORY = """
import json
from core.train import _Scored, _scaled
from core.verdict import Level
import numpy

def row(scam, warnings, lean, posted=False):
    return _Scored(reassurance=0.0, evidence=lean, confidence=1.0, asks=True, warning=False,
                   scam=scam, notice=False, floor=Level.NO_SIGNS, backed=True, posted=posted,
                   by_rule=(("", warnings),) if warnings else ())

# 1,000 genuine messages people were sent and 100 scams; then 400 texts posted on councils'
# web pages (how arrears are collected, how a refund is paid), mostly plain, some with the
# words the scams borrow
base = [row(False, (i % 10) / 10, (i % 7) / 7) for i in range(1000)]
base += [row(True, 3.0 + i / 50, 2.0) for i in range(100)]
posted = [row(False, 0.0, 0.0, True) for _ in range(360)] + [row(False, 6.0, 1.0, True) for _ in range(40)]
w, b = numpy.array([1.0, 0.0, 1.0, 0.0]), -3.0
def lines(rows):
    x = numpy.array([[p.warnings, p.reassurance, max(p.evidence, 0.0), 0.0] for p in rows])
    j = _scaled(rows, x, w, b, 0.0, {})
    return [j.caution, j.weights["rules"]]
print(json.dumps({"without": lines(base), "with": lines(base + posted)}))
"""


def test_texts_posted_on_web_pages_draw_neither_line(tmp_path_factory):
    """The lines are shares of the genuine messages people are sent. A council's page on how
    arrears are collected teaches the model how such offices write, but nobody receives it:
    had it counted, 400 such pages would have moved caution and danger for every message."""
    env = python_with_extra("train", tmp_path_factory)
    run = subprocess.run([sys.executable, "-c", _POSTED_STORY], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout)
    assert seen["with"] == seen["without"]


def test_wording_alone_makes_caution_at_most_and_danger_always_names_a_pattern():
    from core.verdict import Level

    judgement = read_shipped_judgement()
    far_past_danger = 3 * judgement.danger
    assert judgement.level(far_past_danger, far_past_danger, backed=False) == Level.CAUTION
    assert judgement.level(far_past_danger, far_past_danger, backed=True) == Level.DANGER
    # and in whole checks of real-looking notices: a danger verdict always lists a rule besides the wording
    for text in ("【〇〇証券】出金には所定の手数料がかかります。詳しくはWebサイトをご覧ください",
                 "楽天カードのご利用を一部制限しております"):
        verdict = check(text)
        rules = [r.id for r in verdict.reasons if r.score > 0 and r.id != "SCAM_WORDING"]
        assert verdict.level != Level.DANGER or rules, (text, verdict.reasons)


def test_each_extra_belongs_to_a_warning_rule_and_only_adds_to_its_points():
    """A rule the corpus showed to be telling earns points beyond its score times the common
    weight; no rule earns less, and an extra never names a rule that is not there."""
    judgement = read_shipped_judgement()
    from core.check import _loaded_engine

    rules = {rule.id: rule for rule in _loaded_engine().rules.rules}
    assert judgement.rule_extra, "the judgement gives no rule an extra"
    for rule_id, extra in judgement.rule_extra.items():
        assert rule_id in rules and rules[rule_id].score > 0, rule_id
        assert extra > 0
        # points are rounded to the hundredth: an extra shows once the rule's score is large enough
        assert judgement.rule_points(100.0, rule_id) > judgement.rule_points(100.0) or extra < 0.0001
    assert judgement.rule_points(2.0, "NO_SUCH_RULE") == judgement.rule_points(2.0)
    assert judgement.rule_points(-2.0, next(iter(judgement.rule_extra))) == judgement.rule_points(-2.0)


_EXTRA_STORY = """
import json
from core.train import _Scored, choose_judgement
from core.verdict import Level

def row(scam, rules, lean):
    return _Scored(reassurance=0.0, evidence=lean, confidence=1.0,
                   asks=True, warning=False, scam=scam, notice=False, floor=Level.NO_SIGNS,
                   backed=bool(rules), by_rule=tuple(rules))

# TELLING fires on a scam in three of four and almost never on a genuine message; COMMON fires
# on scams and genuine messages alike (as a call-back mention does where the scams' numbers
# were masked); both scored 2 by their authors
rows = []
for i in range(400):
    rows.append(row(True, [("TELLING", 2.0)] if i % 4 else [("COMMON", 2.0)], (i % 9) / 3))
    rows.append(row(False, [("TELLING", 2.0)] if i == 0 else [("COMMON", 2.0)] if i % 2 else [], (i % 7) / 7 - 1))
j = choose_judgement(rows)
print(json.dumps({"extra": j.rule_extra, "telling": j.rule_points(2.0, "TELLING"),
                  "common": j.rule_points(2.0, "COMMON"), "plain": j.rule_points(2.0)}))
"""


def test_a_telling_rule_earns_an_extra_and_a_rule_common_in_genuine_messages_loses_nothing(tmp_path_factory):
    env = python_with_extra("train", tmp_path_factory)
    run = subprocess.run([sys.executable, "-c", _EXTRA_STORY], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout)
    assert seen["extra"].get("TELLING", 0) > 0
    assert "COMMON" not in seen["extra"]
    assert seen["telling"] > seen["common"] == seen["plain"] > 0


def test_a_warning_scored_4_or_more_is_caution_on_its_own_with_the_shipped_judgement():
    from core.train import STRONG_RULE
    from core.verdict import Level

    judgement = read_shipped_judgement()
    points = judgement.rule_points(STRONG_RULE)
    assert judgement.level(points, points) == Level.CAUTION


def test_a_rules_extra_counts_only_when_the_message_says_it_in_its_own_voice():
    """A granddaughter retelling a fake police call (「逮捕状が出ている」って電話が来たらしい)
    names the same pattern as the caller, but only the caller's own words earn what the corpus
    showed that pattern is worth."""
    judgement = read_shipped_judgement()
    assert judgement.rule_extra.get("POLICE_CASE_CLAIM", 0) > 0

    from core.check import _loaded_engine, _score

    def points(text):  # the points the verdict gives, and the rule's score after its group's cap
        shown = next(r.score for r in check(text).reasons if r.id == "POLICE_CASE_CLAIM")
        capped = next(r.score for r in _score(_loaded_engine(), analyse(text).fired) if r.id == "POLICE_CASE_CLAIM")
        return shown, capped

    retold, capped = points("「逮捕状が出ている」って電話が来たらしいよ。おばあちゃんにも気をつけるよう言っておいて")
    assert retold == judgement.rule_points(capped)  # no extra
    said, capped = points("逮捕状が出ています。おばあちゃん、すぐに連絡してください")
    assert said == judgement.rule_points(capped, "POLICE_CASE_CLAIM") > judgement.rule_points(capped)


def test_training_weighs_every_corpus_message_to_the_level_the_check_gives_it():
    """core.train draws its lines with _level, a twin of check.decide that works on the parts a
    message is reduced to in training. If the two ever weighed a message differently, the lines
    would be drawn for a detector other than the one shipped: with the shipped model and
    judgement, they agree on every message of the corpus."""
    from core.check import decide
    from core.train import _level, _scored, prepare

    model, judgement = read_shipped_model(), read_shipped_judgement()
    examples = [e for e in prepare(corpus.load(ROOT / "corpus" / "messages.jsonl").messages)
                if e.analysis is not None]
    assert len(examples) > 5000
    differ = [e.message.text[:40] for e in examples
              if _level(judgement, _scored(e, model.evidence(e.analysis.grams)))
              != decide(e.analysis, model, judgement).level]
    assert differ == []
