"""How fast is ``core.check``? Prints load time, p50/p99 over a corpus, and huge-paste times.

    python benchmarks/check_speed.py [CORPUS.jsonl] [--rounds N] [--hostile] [--search N]

Without a corpus it uses the messages written for the tests. Timings are wall-clock on this
machine (``time.perf_counter``), after one warm-up pass; the 1 MB cases are the worst kinds of
paste we know: repeated real-looking messages, full-width text, spaced-out characters, ASCII.
``--hostile`` adds 1 MB of each shape that once took time growing with the square of its
length (tests/core/test_hostile_inputs.py); ``--search N`` lets hypothesis look for a slow
shape: N short random patterns, each repeated to 64 KB, the slowest ones printed (a linear
check takes a few tens of milliseconds on each).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import check, load  # noqa: E402


def _corpus(path: str | None) -> list[str]:
    if path:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh if line.strip()]
    from tests.core.test_detection_stories import STORY_TEXTS

    return STORY_TEXTS


def _percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def _huge_pastes(messages: list[str]) -> dict[str, str]:
    joined = "\n".join(messages)
    return {
        "1 MB of messages (UTF-8)": (joined * (3_000_000 // len(joined) + 1)),
        "1 MB full-width digits and kana": "".join(chr(0xFF10 + i % 10) if i % 3 else "ア" for i in range(340_000)),
        "1 MB spaced-out kana": " ".join("あ" for _ in range(250_000)),
        "1 MB ASCII with numbers and links": ("call 03-1234-5678 or see http://example.com/x now " * 20_000),
        "10 MB paste (cut to 1 MB)": (joined * (30_000_000 // len(joined) + 1))[:10_000_000],
    }


def _hostile() -> dict[str, str]:
    from tests.core.test_hostile_inputs import SLOW_SHAPES

    shapes = {f"1 MB {name}": make(1_000_000) for name, make in SLOW_SHAPES.items()}
    shapes["1 MB that grows 18 times when normalised"] = "\ufdfa" * 333_333
    return shapes


def _search(examples: int) -> None:
    """Random repeated patterns over the characters links, numbers and rules care about."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("a0-.[]()/:@#。.x* 「」\n\\wh") + ["https://", "www.", "03-", "本日中", "ご連絡"])
    slowest: list[tuple[float, str]] = []

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(alphabet, min_size=1, max_size=8).map("".join))
    def one(unit: str) -> None:
        text = unit * (65_536 // len(unit) + 1)
        t0 = time.perf_counter()
        try:
            check(text)
        except Exception:  # noqa: BLE001 - blank or refused input is not what is timed here
            pass
        slowest.append((time.perf_counter() - t0, unit))

    one()
    slowest.sort(reverse=True)
    print(f"hypothesis search, {len(slowest)} patterns repeated to 64 KB; slowest:")
    for seconds, unit in slowest[:5]:
        print(f"  {1000 * seconds:7.1f} ms  {unit!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hostile", action="store_true", help="also time the hostile 1 MB shapes")
    parser.add_argument("--search", type=int, default=0, metavar="N", help="hypothesis search for slow shapes")
    args = parser.parse_args()

    started = time.perf_counter()
    load()
    print(f"load (rules, lists, character tables): {1000 * (time.perf_counter() - started):.0f} ms")

    messages = _corpus(args.corpus)
    for text in messages:
        check(text)
    times = []
    for _ in range(args.rounds):
        for text in messages:
            t0 = time.perf_counter()
            check(text)
            times.append(time.perf_counter() - t0)
    times.sort()
    print(f"check() over {len(messages)} messages x {args.rounds}: "
          f"p50 {1000 * statistics.median(times):.2f} ms, p99 {1000 * _percentile(times, 0.99):.2f} ms, "
          f"max {1000 * times[-1]:.2f} ms")

    pastes = _huge_pastes(messages) | (_hostile() if args.hostile else {})
    for name, text in pastes.items():
        runs, cpu = [], []
        for _ in range(5 if not args.hostile else 2):
            t0, c0 = time.perf_counter(), time.process_time()
            verdict = check(text)
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(f"{name}: {min(runs):.3f} s best of 5 ({min(cpu):.3f} s CPU; analysed {verdict.analysed_length:,} of "
              f"{verdict.text_length:,} characters, truncated={verdict.truncated})")
    if args.search:
        _search(args.search)
    return 0


if __name__ == "__main__":
    sys.exit(main())
