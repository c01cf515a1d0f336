"""Training the wording model and choosing the judgement, and measuring both honestly.

Needs the ``train`` extra (scikit-learn): ``pip install -e ".[train]"``. Nothing in the app
imports this module.

    python -m core train [--corpus corpus/messages.jsonl] [--out resources/model]
    python -m core eval --cv 5 corpus/messages.jsonl

Every figure it reports is cross-validated: the corpus is split into folds by source site (a
page's site never feeds both sides), the model is trained on the other folds and each message is
judged by a model that never saw its site. The judgement (the weights, the wording's neutral
point and the level thresholds) is chosen on such out-of-fold predictions too: inside ``eval --cv`` it is chosen
again for each fold from the other folds' out-of-fold predictions (nested), so the figures for
a fold owe nothing to that fold.

Training is deterministic: the same corpus and scikit-learn version give the same files.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import corpus as corpus_mod
from .check import Analysis, _loaded_engine, _score, analyse, backs_danger, decide, floor_of, said_in_own_voice
from .figures import Outcome, tally
from .judgement import DANGER_POINTS, ORDINARY_WORDING, REASSURANCE, RULES, SCAM_WORDING, Judgement, total
from .model import FORMAT, MAX_CHARS, ORDERS, WordingModel, confidence, worth
from .verdict import CheckError, Level, Verdict

# How the model is fitted (chosen once by grouped cross-validation on the corpus; see README).
C = 5.0  # inverse regularisation strength of the logistic regression (with idf scaling; see README)
MIN_DF = 2  # an n-gram must occur in this many training messages to get a weight
KEEP = 0.05  # weights smaller than this (in absolute value) are left out of the file
DIGITS = 4  # weights are written with this many decimals
FOLDS = 5
# The judgement is chosen on out-of-fold predictions pooled over this many draws of the folds.
# One draw's lines sit at the tail of some 1,900 genuine scores, and which messages share a fold
# moves that tail: on one corpus, five draws gave 2,489 to 2,579 scams caught and 1,055 to 1,219
# danger in cross-validation (see README). Pooling the draws weighs every message's margin from several models.
DRAWS = 3

# How the judgement is chosen (the targets of the detector; see README).
# The danger threshold keeps at most this share of genuine messages (half the 1% target: room
# for the spread between folds). Wording alone never makes danger (core/judgement.py), so what
# spends this budget is a named pattern found in a real notice.
GENUINE_DANGER_BUDGET = 0.005
GENUINE_FLAGGED_BUDGET = 0.03  # the caution threshold keeps about this share of them flagged
# (the target: 3% of messages between people, warnings and alerts)
# Genuine notices from a company, a service or a public office about the reader's own dealings
# with it (a bank's login alert, a card's fraud check, a code, a reminder; a council's refund,
# tax or benefit notice, a survey or meter visit): the targets let them be caution, as long as
# the verdict then says to check through the official app or the number on the card or the
# office's main number. The flagged budget is spent on the other genuine messages (between
# people, warnings from the police or a council, school and disaster mail, local news).
# Genuine texts of this channel were posted on their sender's web page rather than sent: they
# train the model but are left out of the budgets below (see _scaled).
POSTED = "web"
NOTICE_FAMILIES = frozenset({
    "account-notice", "bank-notice", "breach-notice", "broadcaster-visit", "card-notice",
    "carrier-notice", "delivery-notice", "line-notice", "office-notice", "order-notice", "otp",
    "payment-notice", "payment-reminder", "postal-notice", "property-notice", "reminder",
    "security-alert", "service-notice", "utility-notice",
})
BOUND = 4.0  # the wording counts within -4 .. 4 log-odds from neutral: it cannot outweigh everything
PENALTY = 1.0  # light L2 penalty on the judgement's weights
CAUTION_LEAST = 1.0  # caution is never below this many points
# A rule point is worth at least this many points (danger is 10): the rules are what a user
# reads as the reason, and a complete named pattern (a fee claim with a number to call, a block
# with a link) should reach caution on its own. The corpus, whose published scams mostly lack
# their links and numbers, would weigh them less.
RULES_LEAST = 0.5
# A warning its authors scored this high (a request for codes or e-money, cash or cards collected
# at the door, a refund at a cash machine, a court threat) is caution on its own: the rules'
# weight is raised until such a rule's points reach the caution line (choose_judgement).
STRONG_RULE = 4.0
_STEP = 0.1
_MOST_DOUBLINGS = 15  # of the rules' weight (a factor of 30,000) before giving up
_BISECTIONS = 12  # then the last doubling's gap is narrowed to a factor of 1.0002


@dataclass(frozen=True, slots=True)
class Example:
    """One corpus message as the detector sees it: its analysis (None if the check refuses it)."""

    message: corpus_mod.Message
    analysis: Analysis | None
    group: str  # what cross-validation keeps together

    @property
    def scam(self) -> bool:
        return self.message.is_scam


def _sklearn():
    try:
        import numpy
        import scipy.sparse
        from sklearn import __version__
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit(f"training needs the train extra: pip install -e \".[train]\" ({exc})") from None
    return numpy, scipy.sparse, LogisticRegression, __version__


def group_of(message: corpus_mod.Message) -> str:
    """The source site; our own written messages are spread over ten groups (they share no page)."""
    if message.source == corpus_mod.WRITTEN:
        return f"{corpus_mod.WRITTEN}/{int(hashlib.sha256(message.id.encode()).hexdigest(), 16) % 10}"
    return message.site


def prepare(messages: Sequence[corpus_mod.Message]) -> list[Example]:
    engine = _loaded_engine()
    out = []
    for m in sorted(messages, key=lambda m: m.id):
        try:
            analysis = analyse(m.text, engine)
        except CheckError:
            analysis = None
        out.append(Example(message=m, analysis=analysis, group=group_of(m)))
    return out


def assign_folds(examples: Sequence[Example], k: int = FOLDS, draw: int = 0) -> list[int]:
    """A fold per example: whole groups, largest first, each to the fold where scams and genuine
    messages are least filled (ties by fold number, groups in a fixed order: deterministic).
    ``draw`` picks another fixed order of the groups of each size, and so other folds."""
    size: Counter = Counter(e.group for e in examples)
    scams: Counter = Counter(e.group for e in examples if e.scam)
    total_scam = max(sum(scams.values()), 1)
    total_genuine = max(len(examples) - sum(scams.values()), 1)
    filled_scam, filled_genuine = [0] * k, [0] * k
    fold_of: dict[str, int] = {}
    salt = f"{draw}:" if draw else ""
    for group, n in sorted(size.items(), key=lambda kv: (-kv[1], hashlib.sha256((salt + kv[0]).encode()).hexdigest())):
        s, g = scams[group], n - scams[group]
        best = min(range(k), key=lambda i: (max((filled_scam[i] + s) / total_scam,
                                                 (filled_genuine[i] + g) / total_genuine), i))
        fold_of[group] = best
        filled_scam[best] += s
        filled_genuine[best] += g
    return [fold_of[e.group] for e in examples]


# --- the wording model -----------------------------------------------------------------------


def fit_model(examples: Sequence[Example], corpus_sha256: str = "", messages: int | None = None) -> WordingModel:
    """A logistic regression over the examples' n-grams (see :mod:`core.model` for the features).

    Each n-gram's column is scaled by its inverse document frequency among the training
    messages (rarer n-grams count more, as in tf-idf) before the regression, and the scale is
    folded back into its weight: the app still adds plain weights over the n-grams present,
    and the penalty no longer favours the n-grams every message has (particles, punctuation)
    over the rarer ones that say what a message is about."""
    numpy, sparse, LogisticRegression, version = _sklearn()
    usable = [e for e in examples if e.analysis is not None]
    df: Counter = Counter(g for e in usable for g in e.analysis.grams)
    vocabulary = sorted(g for g, n in df.items() if n >= MIN_DF)
    column = {g: j for j, g in enumerate(vocabulary)}
    rows, cols, values = [], [], []
    for r, e in enumerate(usable):
        value = worth(len(e.analysis.grams))
        for g in sorted(e.analysis.grams):
            j = column.get(g)
            if j is not None:
                rows.append(r)
                cols.append(j)
                values.append(value)
    x = sparse.csr_matrix((values, (rows, cols)), shape=(len(usable), len(vocabulary)), dtype=numpy.float64)
    idf = numpy.array([math.log((1 + len(usable)) / (1 + df[g])) + 1 for g in vocabulary])
    y = numpy.array([1 if e.scam else 0 for e in usable])
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(x @ sparse.diags(idf), y, sample_weight=_balanced_by_form(usable))
    weights = {g: round(float(w), DIGITS) for g, w in zip(vocabulary, clf.coef_[0] * idf) if abs(w) >= KEEP}
    return WordingModel(
        orders=ORDERS, bias=round(float(clf.intercept_[0]), DIGITS),
        weights={g: w for g, w in weights.items() if w != 0.0}, max_chars=MAX_CHARS,
        corpus_sha256=corpus_sha256, corpus_messages=len(examples) if messages is None else messages,
        trainer={"scikit-learn": version, "C": C, "min_df": MIN_DF, "solver": "liblinear",
                 "scaling": "inverse document frequency, ln((1 + n) / (1 + df)) + 1, folded into the weights",
                 "sample_weight": "classes balanced within length bands and named / unnamed"},
    )


LENGTHS = (20, 50, 120, 300)  # length bands (characters) within which classes are balanced


def _balanced_by_form(examples: Sequence[Example]):
    """Sample weights that give scams and genuine messages the same total weight within each
    form of message: each band of length, with or without a company's or office's name.

    The corpus is not a sample of what people receive: short quotes are mostly scams (a caller's
    words, a subject line), long texts mostly genuine notices, and fake company notices far
    outnumber real ones. Without this the model learns that a short message, or a message in a
    company's name, is a scam, instead of what a message says and asks for."""
    numpy = _sklearn()[0]
    forms = [(bisect_right(LENGTHS, len(e.message.text)), "BRAND_NAMED" in e.analysis.fired)
             for e in examples]
    counts = Counter((f, e.scam) for f, e in zip(forms, examples))
    weights = []
    for f, e in zip(forms, examples):
        if counts[(f, not e.scam)] == 0:
            weights.append(1.0)  # a form with one class only: nothing to balance against
            continue
        in_form = counts[(f, True)] + counts[(f, False)]
        weights.append(in_form / (2 * counts[(f, e.scam)]))  # each class: half the form's weight
    return numpy.array(weights)


def out_of_fold_margins(examples: Sequence[Example], folds: Sequence[int], among: set[int]) -> dict[int, float]:
    """For each example in the folds ``among``, the evidence of its wording (the margin without
    the bias) from a model trained on the other folds of ``among`` (index -> evidence)."""
    evidence: dict[int, float] = {}
    for k in sorted(among):
        model = fit_model([e for e, f in zip(examples, folds) if f in among and f != k])
        for i, (e, f) in enumerate(zip(examples, folds)):
            if f == k and e.analysis is not None:
                evidence[i] = model.evidence(e.analysis.grams)
    return evidence


def pooled_parts(examples: Sequence[Example], folds: Sequence[int], among: set[int],
                 draws: int = DRAWS) -> list[list[_Scored]]:
    """The parts the judgement is chosen on, one list per draw: every example in the folds
    ``among`` scored out of fold, once with those folds as they are and once more for each
    further draw of folds over the same examples (``draws`` in all)."""
    chosen = [i for i, f in enumerate(folds) if f in among]
    subset = [examples[i] for i in chosen]
    pooled: list[list[_Scored]] = []
    for draw in range(draws):
        if draw == 0:
            inner, groups = [folds[i] for i in chosen], set(among)
        else:
            inner, groups = assign_folds(subset, len(among), draw), set(range(len(among)))
        margins = out_of_fold_margins(subset, inner, groups)
        pooled.append([p for p in rule_parts(subset, margins) if p is not None])
    return pooled


def _pooled(draws: Sequence[Sequence[_Scored]]) -> list[_Scored]:
    return [p for parts in draws for p in parts]


# --- the judgement ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scored:
    reassurance: float  # the rules' reassuring scores (negative)
    evidence: float  # the wording's evidence, out of fold
    confidence: float  # how far the wording of a text this long can be judged
    asks: bool
    warning: bool  # a warning about scams that asks nothing: its wording cannot make it a scam
    scam: bool
    notice: bool  # a genuine notice from a company, a service or an office (NOTICE_FAMILIES)
    floor: Level  # what the hard evidence among the warnings gives
    backed: bool  # a warning rule that can back danger fired (core.check.backs_danger)
    posted: bool = False  # a genuine text posted on its sender's web page, not sent (POSTED)
    # each warning rule's score (after caps), by id; "" for one said only in quotes or retold,
    # which earns no extra (core.check.rule_points)
    by_rule: tuple[tuple[str, float], ...] = ()

    @property
    def warnings(self) -> float:
        """The rules' warning scores (after group caps), summed."""
        return sum(score for _, score in self.by_rule)


def _scored(example: Example, evidence: float) -> _Scored:
    """The parts of a verdict the judgement weighs, for one example."""
    engine = _loaded_engine()
    reasons = _score(engine, example.analysis.fired)
    own = said_in_own_voice(engine, example.analysis)
    return _Scored(
        reassurance=sum(r.score for r in reasons if r.score < 0),
        evidence=evidence, confidence=confidence(example.analysis.model_text.text),
        asks=example.analysis.asks_to_act, warning=example.analysis.warns_about_scams,
        scam=example.scam, notice=not example.scam and example.message.family in NOTICE_FAMILIES,
        posted=not example.scam and example.message.channel == POSTED,
        floor=floor_of(engine, example.analysis, own),
        backed=backs_danger(engine, reasons),
        by_rule=tuple((r.id if r.id in own else "", r.score) for r in reasons if r.score > 0))


def rule_parts(examples: Sequence[Example], evidence: dict[int, float]) -> list[_Scored | None]:
    return [None if e.analysis is None or i not in evidence
            else _scored(e, evidence[i]) for i, e in enumerate(examples)]


_NAMES = (RULES, REASSURANCE, SCAM_WORDING, ORDINARY_WORDING)


def _features(p: _Scored, neutral: float, rules: dict[str, int]) -> list[float]:
    """The four sums, then each warning rule's score in its own column (``rules``: id -> column
    after the four)."""
    kept = min(max(p.confidence * (p.evidence - neutral), -BOUND), BOUND)
    each = [0.0] * len(rules)
    for rule_id, score in p.by_rule:
        if rule_id:
            each[rules[rule_id]] = score
    return [p.warnings, p.reassurance, 0.0 if p.warning else max(kept, 0.0),
            0.0 if p.asks else min(kept, 0.0), *each]


def _fit(x, y, weights=None, fixed: dict[int, float] | None = None, penalty: float = PENALTY):
    """Logistic regression with every weight at or above zero (intercept free), by L-BFGS-B,
    with a light L2 penalty; ``fixed`` holds some weights at given values. Deterministic: one
    start, one method."""
    numpy = _sklearn()[0]
    from scipy.optimize import minimize

    n, d = x.shape
    sample = numpy.ones(n) if weights is None else weights

    def loss(w):
        z = x @ w[:d] + w[d]
        p = 1.0 / (1.0 + numpy.exp(-z))
        value = numpy.sum(sample * (numpy.logaddexp(0.0, z) - y * z)) + 0.5 * penalty * numpy.dot(w[:d], w[:d])
        grad = numpy.concatenate([x.T @ (sample * (p - y)) + penalty * w[:d], [numpy.sum(sample * (p - y))]])
        return value, grad

    bounds = [(0.0, None)] * d + [(None, None)]
    start = numpy.zeros(d + 1)
    for j, value in (fixed or {}).items():
        bounds[j] = (value, value)
        start[j] = value
    fitted = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": 2000})
    return fitted.x[:d], float(fitted.x[d])


def _neutral(rows: Sequence[_Scored]) -> float:
    """The evidence at which a logistic regression on the evidence alone, scams and genuine
    messages weighed equally, is at one half."""
    numpy = _sklearn()[0]
    x = numpy.array([[p.evidence] for p in rows])
    y = numpy.array([1.0 if p.scam else 0.0 for p in rows])
    scams = y.sum()
    weights = numpy.where(y == 1.0, len(rows) / (2 * scams), len(rows) / (2 * (len(rows) - scams)))
    w, b = _fit(x, y, weights)
    return -b / w[0] if w[0] > 0 else 0.0


def _threshold(logits: list[float], allowed: int) -> float:
    """A line that about ``allowed`` of ``logits`` lie above: the Harrell-Davis estimate of the
    quantile at which all but ``allowed`` lie, a weighted mean of every order statistic with
    beta-distribution weights centred on the one the plain count would take.

    The budgets allow a handful of genuine messages (0.5% of some 1,300 is 6), so the plain
    count takes one message's score as the line: which message happens to rank seventh moves
    every fold's scale, and with it dozens of scams across the line at once. The estimate
    weighs the neighbours too, so the line moves with the scores' shape, not with one
    message; on the messages it was chosen on it lets through about as many, give or take one."""
    if allowed >= len(logits):
        return -math.inf
    numpy = _sklearn()[0]
    from scipy.stats import beta

    n = len(logits)
    ascending = numpy.sort(numpy.asarray(logits, dtype=float))
    p = (n - allowed) / (n + 1)  # the order statistic the plain count takes, as a quantile
    weights = numpy.diff(beta.cdf(numpy.arange(n + 1) / n, p * (n + 1), (1 - p) * (n + 1)))
    return float(weights @ ascending) + 1e-6


def choose_judgement(parts: Sequence[_Scored | None], copies: int = 1) -> Judgement:
    """The neutral point of the wording; weights from a logistic regression of scam on the
    rules' warnings, the reassurance, the wording's lean either way and each warning rule's
    own score (its extra over the common rules weight; no weight below zero, all under the same
    light penalty); 10 points where the genuine danger budget ends; caution where the flagged
    budget ends; all on these out-of-fold parts. ``parts`` may hold each message ``copies``
    times (scored in as many draws of the folds): the penalty counts each message once.

    The extras let a pattern the corpus shows to be telling (a caller who says you are part of
    a police case, a refund owed by phone) count for more than its authors' score; a rule is
    never worth less than that score times the common weight, so the rules about links and
    numbers, which the corpus's published scams mostly have masked, keep their worth.

    A rule point is worth at least RULES_LEAST points, and one strong rule alone reaches the
    caution line: where the fit would weigh the rules less, the least common weight at which
    both hold is searched for (doubled, then narrowed), the rest fitted again around it.
    (Lowering caution to a strong rule's points instead, as before, left the flagged budget
    unused: caution then followed the fitted rule weight, and the share of everyday messages
    flagged with it, 2.7% to 3.5% from one corpus to the next.)"""
    numpy = _sklearn()[0]
    rows = [p for p in parts if p is not None]
    neutral = round(_neutral(rows), 4)
    rules = {rule_id: i for i, rule_id in enumerate(sorted({r for p in rows for r, _ in p.by_rule if r}))}
    y = numpy.array([1.0 if p.scam else 0.0 for p in rows])
    x = numpy.array([_features(p, neutral, rules) for p in rows])

    def fitted(rules_weight: float | None = None) -> tuple[Judgement, float]:
        w, b = _fit(x, y, fixed=None if rules_weight is None else {0: rules_weight}, penalty=PENALTY * copies)
        return _scaled(rows, x, w, b, neutral, rules), float(w[0])

    judgement, weight = fitted()
    if _rules_weigh_enough(judgement):
        return judgement
    # the least rules weight (log-odds per rule point) at which both hold: doubled until they
    # hold, then the gap halved (on a log scale) _BISECTIONS times, keeping the side that holds
    low = high = max(weight, 1e-3)
    found = judgement
    for _ in range(_MOST_DOUBLINGS):
        low, high = high, high * 2.0
        found = fitted(high)[0]
        if _rules_weigh_enough(found):
            break
    else:  # no weight got there: caution where a strong rule reaches
        return replace(judgement, caution=min(judgement.caution, _strong_points(judgement)))
    for _ in range(_BISECTIONS):
        middle = math.sqrt(low * high)
        trial = fitted(middle)[0]
        if _rules_weigh_enough(trial):
            high, found = middle, trial
        else:
            low = middle
    return found


def _rules_weigh_enough(judgement: Judgement) -> bool:
    return judgement.weights[RULES] >= RULES_LEAST and _strong_points(judgement) >= judgement.caution


def _strong_points(judgement: Judgement) -> float:
    """What one strong rule alone is worth in the check, rounded down to caution's one decimal."""
    return math.floor(judgement.rule_points(STRONG_RULE) * 10) / 10


def _scaled(rows: Sequence[_Scored], x, w, b: float, neutral: float, rules: dict[str, int]) -> Judgement:
    """The judgement for log-odds weights ``w`` and intercept ``b``: 10 points where the genuine
    danger budget ends, caution where the flagged budget ends."""
    logits = x @ w + b
    # the budgets are shares of the genuine messages people receive: a text posted on a web page
    # (a council's page on arrears, a bank's page on its checks) teaches the model how such
    # senders write, but nobody is sent it, and it draws no line
    genuine = [i for i, p in enumerate(rows) if not p.scam and not p.posted]
    # the genuine messages the hard evidence already rates spend the budgets first; the danger
    # line is drawn among those the score alone could make danger (a message whose wording has
    # no warning rule behind it stays caution however high it scores: it spends nothing)
    floored = sum(rows[i].floor == Level.DANGER for i in genuine)
    allowed = max(math.floor(GENUINE_DANGER_BUDGET * len(genuine)) - floored, 0)
    t_danger = _threshold([logits[i] for i in genuine
                           if rows[i].floor != Level.DANGER and rows[i].backed], allowed)
    others = [i for i in genuine if not rows[i].notice]
    flagged = sum(rows[i].floor != Level.NO_SIGNS for i in others)
    allowed = max(math.floor(GENUINE_FLAGGED_BUDGET * len(others)) - flagged, 0)
    t_caution = _threshold([logits[i] for i in others if rows[i].floor == Level.NO_SIGNS], allowed)
    if not t_danger > b:
        raise SystemExit("no judgement could be fitted: even a message with no signs would be danger")
    scale = DANGER_POINTS / (t_danger - b)
    weights = {n: round(float(v) * scale, 4) for n, v in zip(_NAMES, w)}
    extra = {rule_id: round(float(w[len(_NAMES) + i]) * scale, 4) for rule_id, i in rules.items()}
    caution = round(min(max((t_caution - b) * scale, CAUTION_LEAST), DANGER_POINTS - _STEP), 1)
    return Judgement(danger=DANGER_POINTS, caution=caution, bound=BOUND, neutral=neutral, weights=weights,
                     rule_extra={rule_id: v for rule_id, v in sorted(extra.items()) if v > 0})


def _level(judgement: Judgement, p: _Scored) -> Level:
    """The level decide() gives a message with these parts."""
    warnings = sum(judgement.rule_points(score, rule_id) for rule_id, score in p.by_rule)
    model = judgement.model_points(p.evidence, p.confidence, p.asks)
    if model > 0 and p.warning:
        model = 0.0
    score = max(0.0, total((warnings, judgement.rule_points(p.reassurance), model)))
    return judgement.level(score, total((warnings, max(model, 0.0))), p.floor, backed=p.backed)


def _figures(rows: Sequence[_Scored], levels: Sequence[Level]) -> dict:
    return {
        "scam_caught": sum(lv != Level.NO_SIGNS for lv, p in zip(levels, rows) if p.scam),
        "scam_danger": sum(lv == Level.DANGER for lv, p in zip(levels, rows) if p.scam),
        "genuine_flagged": sum(lv != Level.NO_SIGNS for lv, p in zip(levels, rows) if not p.scam),
        "genuine_danger": sum(lv == Level.DANGER for lv, p in zip(levels, rows) if not p.scam),
        "scams": sum(p.scam for p in rows), "genuine": sum(not p.scam for p in rows),
    }


# --- cross-validated evaluation --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Judged:
    example: Example
    fold: int
    verdict: Verdict | None


def cross_validate(examples: Sequence[Example], k: int = FOLDS, draw: int = 0) -> tuple[list[Judged], list[dict]]:
    """Each example judged by a model and a judgement chosen without its fold (nested), with the
    folds of ``draw`` (see assign_folds)."""
    folds = assign_folds(examples, k, draw)
    everything = set(range(k))
    judged: list[Judged | None] = [None] * len(examples)
    chosen = []
    for held in range(k):
        rest = everything - {held}
        draws = pooled_parts(examples, folds, rest)
        judgement = choose_judgement(_pooled(draws), copies=len(draws))
        model = fit_model([e for e, f in zip(examples, folds) if f != held])
        chosen.append({"fold": held, "danger": judgement.danger, "caution": judgement.caution,
                       "neutral": judgement.neutral, "weights": judgement.weights})
        for i, (e, f) in enumerate(zip(examples, folds)):
            if f == held:
                verdict = None if e.analysis is None else decide(e.analysis, model, judgement)
                judged[i] = Judged(example=e, fold=f, verdict=verdict)
    return [j for j in judged if j is not None], chosen


def report(judged: Sequence[Judged]) -> dict:
    """Scams caught / genuine flagged, overall and per family, with the misses."""
    return tally(Outcome(label=j.example.message.label, family=j.example.message.family,
                         level=j.verdict.level if j.verdict else None, miss=partial(_miss, j))
                 for j in judged)


def _miss(j: Judged) -> dict:
    m, v = j.example.message, j.verdict
    return {
        "id": m.id, "label": m.label, "family": m.family, "fold": j.fold,
        "level": v.level.value if v else None,
        "score": round(v.score, 1) if v else None,
        "reasons": [f"{r.id}:{r.score:g}" for r in v.reasons] if v else [],
        "text": m.text[:160].replace("\n", " / "),
    }


# --- training and writing the files ----------------------------------------------------------


def train(corpus_path: Path, out: Path, k: int = FOLDS) -> tuple[WordingModel, Judgement, dict]:
    """The shipped model (trained on the whole corpus) and the judgement chosen on every
    message's out-of-fold margin; both written to ``out``."""
    loaded = corpus_mod.load(corpus_path)
    bad = corpus_mod.problems(loaded)
    if bad:
        raise SystemExit(f"{corpus_path}: {len(bad)} problems; fix them first "
                         f"(python -m core corpus check). First: {bad[0]}")
    examples = prepare(loaded.messages)
    folds = assign_folds(examples, k)
    draws = pooled_parts(examples, folds, set(range(k)))
    judgement = choose_judgement(_pooled(draws), copies=len(draws))
    figures = _figures(draws[0], [_level(judgement, p) for p in draws[0]])  # the first draw's folds
    digest = loaded.digest()
    model = fit_model(examples, corpus_sha256=digest, messages=len(examples))
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "wording.json", model_json(model))
    _write(out / "judgement.toml", judgement_toml(judgement, figures, digest, len(examples), k))
    return model, judgement, figures


def model_json(model: WordingModel) -> str:
    """The model as the JSON text the app reads: keys sorted, one fixed layout."""
    data = {
        "format": FORMAT,
        "about": "Character n-gram weights of the wording model (python -m core train). "
                 "Features: see core/model.py.",
        "orders": list(model.orders),
        "max_chars": model.max_chars,
        "corpus": {"messages": model.corpus_messages, "sha256": model.corpus_sha256},
        "trainer": model.trainer,
        "bias": model.bias,
        "weights": dict(sorted(model.weights.items())),
    }
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def judgement_toml(judgement: Judgement, figures: dict, digest: str, messages: int, k: int) -> str:
    def rate(a: int, b: int) -> str:
        return f"{a} of {b}"

    weights = "".join(f"{name} = {value}\n" for name, value in judgement.weights.items())
    extra = "".join(f"{rule_id} = {value}\n" for rule_id, value in judgement.rule_extra.items())
    return (
        "# How the rules' scores and the wording model's margin make a level (core/judgement.py).\n"
        "# Written by `python -m core train`: fitted on out-of-fold predictions, each message scored by\n"
        f"# a model that never saw its source site ({k} folds). Change it by retraining, not by hand.\n\n"
        "[levels]\n"
        f"danger = {judgement.danger}\n"
        f"caution = {judgement.caution}\n\n"
        "# Points per rule point (warnings, reassurances); per unit of the wording's lean.\n"
        "[weights]\n"
        f"{weights}\n"
        "# Points per rule point that these rules earn beyond the rules weight: the corpus showed them\n"
        "# to tell scams from genuine messages better than their score says. Never below zero.\n"
        "[rule_extra]\n"
        f"{extra}\n"
        "[model]\n"
        f"neutral = {judgement.neutral}  # the wording's evidence that leans neither way\n"
        f"bound = {judgement.bound}  # it counts within -bound .. bound from there\n\n"
        "[chosen]\n"
        f"corpus_sha256 = \"{digest}\"\n"
        f"messages = {messages}\n"
        f"folds = {k}\n"
        f"draws = {DRAWS}  # draws of the folds whose out-of-fold predictions were pooled\n"
        f"genuine_danger_budget = {GENUINE_DANGER_BUDGET}\n"
        f"genuine_flagged_budget = {GENUINE_FLAGGED_BUDGET}\n"
        f"scams_caught = \"{rate(figures['scam_caught'], figures['scams'])}\"\n"
        f"scams_danger = \"{rate(figures['scam_danger'], figures['scams'])}\"\n"
        f"genuine_flagged = \"{rate(figures['genuine_flagged'], figures['genuine'])}\"\n"
        f"genuine_danger = \"{rate(figures['genuine_danger'], figures['genuine'])}\"\n"
    )


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(path)
