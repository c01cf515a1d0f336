"""How the rules' scores and the wording model's margin make a level: ``resources/model/judgement.toml``.

Every reason a verdict shows carries points, and the points add up to the message's score:

- a warning rule: its score in the rule files (after its group's cap) times the ``rules``
  weight, plus that score times the rule's own extra in ``[rule_extra]`` when the corpus showed
  the rule to tell scams from genuine messages better than its score says, and the message
  says it in its own voice (not quoted nor retold: see :func:`core.check.rule_points`). An
  extra is never below zero: no rule is worth less than its authors' score makes it, since the
  corpus's scams mostly lack the links and numbers that real ones carry and would teach the
  rules about those to count for less;
- a reassuring rule: its score times the ``reassurance`` weight;
- the wording model: how far the evidence of the wording (its margin without the model's bias)
  lies from ``[model] neutral``, the point at which it leans neither way; scaled down for a
  text too short to judge; kept within ``[model] bound``; times ``scam_wording`` when it points
  to a scam or ``ordinary_wording`` when it points away from one, which it may only do when the
  message asks nothing of the reader. When a message that asks the reader to act also warns
  about scams, the model does not read the warning (see :mod:`core.check`).

``[levels] danger`` is 10 points; ``caution`` is below it. The neutral point is where a logistic
regression on the evidence alone (classes weighed equally) is at one half. The weights are a
logistic regression of scam against genuine on the four sums and on each warning rule's own
score (its extra; no weight below zero, each under the same light penalty, so that an extra
grows only where many messages bear it out), rescaled so
that 10 points is the score above which the danger budget of genuine messages ends (both
budgets count the messages people are sent, not texts posted on a web page; among
those the score can make danger: backed, see below); ``caution``
is where the flagged budget of genuine messages other than notices ends (a company's real notice,
or an office's about the reader's own dealings, worded like its fake may be caution), and the rules weigh enough that one warning its authors
scored 4 or more reaches it (budgets, notices, that weight and the bound: :mod:`core.train`). ``python -m core train`` fits both on cross-validated predictions (each message
scored by a model that did not learn from its source site) and writes them with the figures
they gave. They are data, not code, and change only with a retraining.

Three more rules, not learned: signs of an ordinary notice lower a level by at most one step,
so a message whose warnings alone make it danger is at least caution; a warning that is hard
evidence on its own (its ``floor`` in the rule files) sets the least level the message gets;
and the wording, with no warning rule scored at least ``[danger] backing_score`` (levels.toml)
firing, makes caution at most.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from . import snapshot
from .verdict import Level

_ORDER = (Level.NO_SIGNS, Level.CAUTION, Level.DANGER)
DANGER_POINTS = 10.0
# The four weights.
RULES = "rules"
REASSURANCE = "reassurance"
SCAM_WORDING = "scam_wording"
ORDINARY_WORDING = "ordinary_wording"


class JudgementFileError(ValueError):
    """``resources/model/judgement.toml`` is missing or malformed."""


def total(points) -> float:
    """Points added up as a verdict's score: each reason's points are rounded to the hundredth,
    and so is their sum, so that the same points give the same score in whatever order they are
    added (1.96 + 1.53 + 6.51 is 10.0 one way and 9.999999999999998 another). The check and
    training both add with this."""
    return round(sum(points), 2)


def highest(levels) -> Level:
    """The most worrying of ``levels`` (NO_SIGNS when there are none)."""
    return max(levels, key=_ORDER.index, default=Level.NO_SIGNS)


@dataclass(frozen=True, slots=True)
class Judgement:
    danger: float
    caution: float
    weights: dict[str, float]  # RULES, REASSURANCE: points per rule point; the wording: per unit
    bound: float  # the wording's evidence counts within -bound .. bound
    neutral: float  # the evidence at which the wording points neither way
    # per rule: points per rule point beyond the ``rules`` weight (zero or more; most have none)
    rule_extra: dict[str, float] = field(default_factory=dict)
    chosen: dict[str, object] = field(default_factory=dict)  # how they were chosen (for people)

    def rule_points(self, score: float, rule_id: str = "") -> float:
        """Points of rule ``rule_id`` that scored ``score`` in the rule files (after its group's
        cap; a reassuring rule if negative)."""
        if score < 0:
            return round(score * self.weights[REASSURANCE], 2)
        return round(score * (self.weights[RULES] + self.rule_extra.get(rule_id, 0.0)), 2)

    def model_points(self, evidence: float, confidence: float, asks_to_act: bool) -> float:
        """Points of the wording: how far its evidence (the model's margin without the model's
        bias) lies from the neutral point, times the confidence a text of its length allows
        (see :func:`core.model.confidence`), kept within the bound, times the weight for the
        direction it points in. A message that asks the reader to act gets no points for
        ordinary wording: it is judged on its request, however friendly it sounds."""
        kept = min(max(confidence * (evidence - self.neutral), -self.bound), self.bound)
        if kept < 0 and asks_to_act:
            return 0.0
        return round(kept * self.weights[SCAM_WORDING if kept >= 0 else ORDINARY_WORDING], 2)

    def level_of(self, score: float) -> Level:
        if score >= self.danger:
            return Level.DANGER
        if score >= self.caution:
            return Level.CAUTION
        return Level.NO_SIGNS

    def level(self, score: float, warnings: float, floor: Level = Level.NO_SIGNS,
              backed: bool = True) -> Level:
        """The level of ``score``, but never more than one step below what the warnings alone
        make, nor below ``floor`` (what the hard evidence among the reasons makes). Wording
        without a warning rule that can back danger behind it (``backed``: one scored
        at least ``[danger] backing_score`` of ``levels.toml``, see
        :func:`core.check.backs_danger`) makes caution at most: the model finds what scams
        tend to say, and a real notice may say the same words; danger is always backed by a
        pattern the reader can see named among the reasons."""
        by_score = _ORDER.index(self.level_of(score))
        if not backed:
            by_score = min(by_score, _ORDER.index(Level.CAUTION))
        softened = _ORDER.index(self.level_of(warnings)) - 1
        return _ORDER[max(by_score, softened, _ORDER.index(floor))]


def read_judgement(data: str) -> Judgement:
    import tomllib

    try:
        raw = tomllib.loads(data)
        unknown = set(raw) - {"levels", "weights", "model", "rule_extra", "chosen"}
        if unknown:
            raise JudgementFileError(f"judgement.toml: unknown sections {sorted(unknown)}")
        levels, weights, model = raw["levels"], raw["weights"], raw["model"]
        if set(levels) != {"danger", "caution"} or set(model) != {"bound", "neutral"}:
            raise JudgementFileError("judgement.toml: [levels] needs danger and caution, "
                                     "[model] bound and neutral, and nothing else")
        if set(weights) != {RULES, REASSURANCE, SCAM_WORDING, ORDINARY_WORDING}:
            raise JudgementFileError(f"judgement.toml: [weights] needs {RULES}, {REASSURANCE}, "
                                     f"{SCAM_WORDING} and {ORDINARY_WORDING}, and nothing else")
        found = Judgement(
            danger=float(levels["danger"]), caution=float(levels["caution"]),
            weights={str(k): float(v) for k, v in weights.items()},
            bound=float(model["bound"]), neutral=float(model["neutral"]),
            rule_extra={str(k): float(v) for k, v in raw.get("rule_extra", {}).items()},
            chosen=dict(raw.get("chosen", {})),
        )
    except JudgementFileError:
        raise
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise JudgementFileError(f"judgement.toml: {exc}") from None
    if not 0 < found.caution < found.danger:
        raise JudgementFileError("judgement.toml: needs 0 < caution < danger")
    bounds = (found.bound, *found.weights.values(), *found.rule_extra.values())
    if not math.isfinite(found.neutral):
        raise JudgementFileError("judgement.toml: the neutral point must be a finite number")
    if any(not math.isfinite(v) or v < 0 for v in bounds):
        raise JudgementFileError("judgement.toml: weights and bounds must be finite and not negative")
    return found


def read_shipped_judgement() -> Judgement:
    path = resources.files("resources") / "model" / "judgement.toml"
    try:
        return read_judgement(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise JudgementFileError("resources/model/judgement.toml is missing") from None


@cache
def shipped_judgement() -> Judgement:
    return snapshot.kept("judgement", read_shipped_judgement)
