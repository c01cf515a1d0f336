"""How fast is ``core.check``? Prints load time, p50/p99 over a corpus, and huge-paste times.

    python benchmarks/check_speed.py [CORPUS.jsonl] [--rounds N]

Without a corpus it uses the messages written for the tests. Timings are wall-clock on this
machine (``time.perf_counter``), after one warm-up pass; the 1 MB cases are the worst kinds of
paste we know: repeated real-looking messages, full-width text, spaced-out characters, ASCII.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--rounds", type=int, default=5)
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

    for name, text in _huge_pastes(messages).items():
        runs, cpu = [], []
        for _ in range(5):
            t0, c0 = time.perf_counter(), time.process_time()
            verdict = check(text)
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(f"{name}: {min(runs):.3f} s best of 5 ({min(cpu):.3f} s CPU; analysed {verdict.analysed_length:,} of "
              f"{verdict.text_length:,} characters, truncated={verdict.truncated})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
