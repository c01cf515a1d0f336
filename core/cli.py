"""``python -m core``: check messages and measure detection from the command line.

    python -m core check [--json] [--lang ja|en] [TEXT]    (stdin when TEXT is absent)
    python -m core check --jsonl                            (one JSON object per stdin line)
    python -m core check --image FILE [--json]              (the message in a picture; ocr extra)
    python -m core eval FILE.jsonl [--json]                 (the shipped detector on a labelled file)
    python -m core eval --cv 5 corpus/messages.jsonl [--json] [--draws N]  (cross-validated figures; train extra)
    python -m core train [--corpus FILE] [--out DIR]        (the wording model and judgement; train extra)
    python -m core corpus check [FILE]                      (the corpus validator)
    python -m core snapshot OUT                             (the packaged app's prebuilt data)

Exit status: 0 on a verdict (for ``--jsonl`` and ``eval``: for every line); 2 for empty or
unreadable input (for ``--jsonl`` and ``eval``: some lines could not be used; each still gets its
error object, in order, and stderr says how many); 3 when a data file of the checker is broken;
4 when the output could not be written (a full disk) or a named file could not be read or
written; 141 when the reader of the output went away.
Nothing here opens a network connection.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from .bounded_json import JsonInputError, loads
from .check import check
from .figures import Outcome, tally
from .messages import message
from .rules import RuleFileError
from .verdict import CheckError, ErrorCode, Level, Verdict

EXIT_BAD_INPUT = 2
EXIT_DATA = 3
EXIT_IO = 4
EXIT_PIPE = 141  # as a shell reports a program stopped by SIGPIPE
_FLAGGED = (Level.DANGER, Level.CAUTION)
MAX_LINE_DEPTH = 64  # nesting allowed in one input line (a message needs 1)
_LABELS = ("scam", "genuine")


class OutputFailed(Exception):
    """Writing the output failed (a full disk, a closed terminal): not a problem with the data."""


class _GuardedOutput:
    """``stdout`` whose write errors come out as :class:`OutputFailed` (a closed pipe stays a
    ``BrokenPipeError``)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc) from exc

    def __getattr__(self, name: str):
        return getattr(self._stream, name)

def _read_stdin_text(stdin: TextIO) -> str:
    """Read stdin as UTF-8 without dying on bad bytes (they become U+FFFD)."""
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        return buffer.read().decode("utf-8", errors="replace")
    return stdin.read()


def _human(verdict: Verdict, lang: str) -> str:
    word = message(f"cli.{verdict.level.value}").get(lang)
    lines = [f"[{word}] {verdict.headline.get(lang)}  (score {verdict.score:.1f})"]
    if verdict.truncated:
        note = message("cli.truncated", analysed=f"{verdict.analysed_length:,}", total=f"{verdict.text_length:,}")
        lines.append(f"  {note.get(lang)}")
    if verdict.junk_characters:
        lines.append(f"  {message('cli.junk', count=f'{verdict.junk_characters:,}').get(lang)}")
    for reason in verdict.reasons:
        sign = "+" if reason.score >= 0 else "-"
        lines.append(f"  {sign} {reason.title.get(lang)} [{reason.id}]")
        lines.append(f"      {reason.detail.get(lang)}")
    for number in verdict.phone_numbers:
        note = f" — {number.listed_note.get(lang)}" if number.listed_note else ""
        lines.append(f"  tel: {number.text}  ({number.kind_label.get(lang)}){note}")
    for link in verdict.links:
        lines.append(f"  link: {link.defanged}  ({link.note.get(lang)})")
    return "\n".join(lines)


def _error_line(exc: CheckError, lang: str) -> str:
    return exc.message.get(lang) or exc.code.value


def cmd_check(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    if args.jsonl:
        return _check_jsonl(stdin, stdout, stderr, args.lang)
    if args.image is not None:
        return _check_picture(args, stdout, stderr)
    text = args.text if args.text is not None else _read_stdin_text(stdin)
    try:
        verdict = check(text)
    except CheckError as exc:
        print(f"sagicheck: {_error_line(exc, args.lang)}", file=stderr)
        return EXIT_DATA if exc.code == ErrorCode.DATA_FILE else EXIT_BAD_INPUT
    if args.json:
        json.dump(verdict.to_dict(args.lang), stdout, ensure_ascii=False)
        stdout.write("\n")
    else:
        print(_human(verdict, args.lang), file=stdout)
    return 0


def _check_picture(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Read the message in a picture, then check it; the output says the text came from a picture."""
    from .picture_text import read_picture_file

    if args.text is not None:
        print("sagicheck: give either TEXT or --image, not both", file=stderr)
        return EXIT_BAD_INPUT
    try:
        read = read_picture_file(args.image)
        verdict = check(read.text)
    except CheckError as exc:
        print(f"sagicheck: {_error_line(exc, args.lang)}", file=stderr)
        return EXIT_DATA if exc.code == ErrorCode.DATA_FILE else EXIT_BAD_INPUT
    if args.json:
        json.dump({**verdict.to_dict(args.lang), "input": read.to_dict()}, stdout, ensure_ascii=False)
        stdout.write("\n")
        return 0
    print(message("cli.from_picture", seconds=f"{read.seconds:.1f}").get(args.lang), file=stdout)
    for line in read.text.splitlines():
        print(f"  | {line}", file=stdout)
    print(file=stdout)
    print(_human(verdict, args.lang), file=stdout)
    return 0


def _lines(stdin: TextIO):
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        return (raw.decode("utf-8", errors="replace") for raw in buffer)
    return iter(stdin)


class BadLine(ValueError):
    """One input line that cannot be used; ``code`` goes into its error object."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


def _parse_line(line: str) -> dict:
    """The JSON object on ``line``; BadLine when it is blank, not JSON, nested too deep, holds
    NaN or Infinity, or is not an object."""
    if not line.strip():
        raise BadLine("blank_line", "blank line")
    try:
        item = loads(line, max_depth=MAX_LINE_DEPTH)
    except JsonInputError as exc:
        raise BadLine("bad_line", f"{exc.code.replace('_', ' ')}: {exc}") from None
    if not isinstance(item, dict):
        raise BadLine("bad_line", "not a JSON object")
    return item


def _check_jsonl(stdin: TextIO, stdout: TextIO, stderr: TextIO, lang: str) -> int:
    """One output line per input line, in order: the verdict, or an error object."""
    failed: list[int] = []
    data_broken = False
    lineno = 0
    for lineno, line in enumerate(_lines(stdin), 1):
        item_id = lineno
        try:
            item = _parse_line(line)
            item_id = item.get("id", lineno)
            text = item.get("text")
            if not isinstance(text, str):
                raise BadLine("bad_line", 'no "text" string')
            out = {"id": item_id, **check(text).to_dict(lang)}
        except CheckError as exc:
            out = {"id": item_id, "error": exc.code.value, "message": _error_line(exc, lang)}
            data_broken |= exc.code == ErrorCode.DATA_FILE
        except BadLine as exc:
            out = {"id": item_id, "error": exc.code, "message": f"line {lineno}: {exc}"}
        if "error" in out:
            failed.append(lineno)
        stdout.write(json.dumps(out, ensure_ascii=False, allow_nan=False) + "\n")
        stdout.flush()
    if failed:
        shown = ", ".join(map(str, failed[:10])) + (", ..." if len(failed) > 10 else "")
        print(f"sagicheck: {len(failed)} of {lineno} lines got an error instead of a verdict "
              f"(line {shown})", file=stderr)
    if data_broken:
        return EXIT_DATA
    return EXIT_BAD_INPUT if failed else 0


def evaluate_corpus(items: list[dict]) -> dict:
    """Scams caught / genuine flagged, overall and per family, with the misses."""
    return tally(_outcome(item) for item in items)


def _outcome(item: dict) -> Outcome:
    try:
        verdict, error = check(item["text"]), None
    except CheckError as exc:
        verdict, error = None, {"id": item.get("id"), "error": exc.code.value}
    return Outcome(label=item.get("label"), family=item.get("family", "?"),
                   level=verdict.level if verdict else None,
                   miss=lambda: _miss(item, verdict), error=error)


def _miss(item: dict, verdict: Verdict | None) -> dict:
    return {
        "id": item.get("id"),
        "label": item.get("label"),
        "family": item.get("family"),
        "level": verdict.level.value if verdict else None,
        "score": round(verdict.score, 1) if verdict else None,
        "reasons": [r.id for r in verdict.reasons] if verdict else [],
        "text": item.get("text", "")[:160].replace("\n", " / "),
    }


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def cmd_eval(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if args.cv:
        return _cross_validated(args, stdout, stderr)
    if args.draws != 1:
        print("sagicheck: --draws draws the folds of --cv again; give --cv too", file=stderr)
        return EXIT_BAD_INPUT
    items, bad_lines = [], []
    try:
        with open(args.file, encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue  # a labelled file may end with, or be spaced by, blank lines
                try:
                    items.append(_labelled(_parse_line(line)))
                except BadLine as exc:
                    bad_lines.append({"line": lineno, "error": exc.code, "message": f"line {lineno}: {exc}"})
                    print(f"sagicheck: {args.file}:{lineno}: {exc} (left out)", file=stderr)
    except OSError as exc:
        print(f"sagicheck: {exc}", file=stderr)
        return EXIT_BAD_INPUT
    report = evaluate_corpus(items)
    report["bad_lines"] = bad_lines
    _print_report(report, args.json, stdout)
    return EXIT_BAD_INPUT if bad_lines else 0


def _labelled(item: dict) -> dict:
    """A line of a labelled file: ``text`` a string, ``label`` scam or genuine, ``family`` text."""
    if not isinstance(item.get("text"), str):
        raise BadLine("bad_line", 'no "text" string')
    if item.get("label") not in _LABELS:
        raise BadLine("bad_line", f'"label" must be one of {", ".join(_LABELS)}')
    if not isinstance(item.get("family", ""), str):
        raise BadLine("bad_line", '"family" must be text')
    return item


def _cross_validated(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from . import corpus, train

    if args.cv < 2:
        print("sagicheck: --cv needs at least 2 folds", file=stderr)
        return EXIT_BAD_INPUT
    if args.draws < 1:
        print("sagicheck: --draws needs at least 1", file=stderr)
        return EXIT_BAD_INPUT
    try:
        loaded = corpus.load(Path(args.file))
    except OSError as exc:
        print(f"sagicheck: {exc}", file=stderr)
        return EXIT_BAD_INPUT
    for problem in loaded.problems:
        print(f"sagicheck: {args.file}: {problem} (left out)", file=stderr)
    examples = train.prepare(loaded.messages)
    judged, chosen = train.cross_validate(examples, args.cv)
    result = train.report(judged)
    result["folds"] = chosen
    if args.draws > 1:
        result["draws"] = [_headline_figures(result)] + [
            _headline_figures(train.report(train.cross_validate(examples, args.cv, draw)[0]))
            for draw in range(1, args.draws)]
    if not args.json:
        stdout.write(f"{args.cv}-fold cross-validation grouped by source site, {len(examples)} messages; "
                     "each fold judged by a model and thresholds chosen without it\n")
        for fold in chosen:
            weights = ", ".join(f"{k} {v:g}" for k, v in fold["weights"].items())
            stdout.write(f"  fold {fold['fold']}: caution at {fold['caution']} of {fold['danger']} points; "
                         f"weights {weights}\n")
        stdout.write("\n")
        if "draws" in result:
            _print_draws(result["draws"], stdout)
    _print_report(result, args.json, stdout)
    return 0


_HEADLINE = ("scam_caught", "scam_danger", "genuine_flagged", "genuine_danger")


def _headline_figures(report: dict) -> dict:
    return {key: report[key] for key in _HEADLINE}


def _print_draws(draws: list[dict], stdout: TextIO) -> None:
    """Each draw's caught / danger / genuine flagged / genuine danger, and their mean and range:
    which messages share a fold moves these by dozens, so compare means over draws."""
    stdout.write("draws of the folds (scams caught / danger; genuine flagged / danger):\n")
    for i, d in enumerate(draws):
        stdout.write(f"  draw {i}: " + " / ".join(str(d[k]) for k in _HEADLINE) + "\n")
    mean = " / ".join(f"{sum(d[k] for d in draws) / len(draws):.1f}" for k in _HEADLINE)
    spread = " / ".join(f"{min(d[k] for d in draws)}-{max(d[k] for d in draws)}" for k in _HEADLINE)
    stdout.write(f"  mean:   {mean}\n  range:  {spread}\n\n")


def _print_report(report: dict, as_json: bool, stdout: TextIO) -> None:
    if as_json:
        json.dump(report, stdout, ensure_ascii=False, indent=1)
        stdout.write("\n")
        return
    w = stdout.write
    w(f"scams caught (danger or caution): {report['scam_caught']}/{report['scam']} = {_pct(report['scam_caught_rate'])}\n")
    w(f"scams caught as danger:           {report['scam_danger']}/{report['scam']} = {_pct(report['scam_danger_rate'])}\n")
    w(f"genuine flagged:                  {report['genuine_flagged']}/{report['genuine']} = {_pct(report['genuine_flagged_rate'])}\n")
    w(f"genuine flagged as danger:        {report['genuine_danger']}/{report['genuine']}\n\n")
    w("per family (scam: caught/danger of n; genuine: flagged/danger of n)\n")
    for fam, c in report["families"].items():
        if fam.startswith("scam/"):
            w(f"  {fam:32s} {c.get('caught', 0):3d} {c.get('danger', 0):3d} / {c['n']}\n")
        else:
            w(f"  {fam:32s} {c.get('flagged', 0):3d} {c.get('danger', 0):3d} / {c['n']}\n")
    w("\nmisses (scams not danger; genuine flagged)\n")
    for m in report["misses"]:
        w(f"  {m.get('label')}/{m.get('family')} {m.get('level')} {m.get('score')} {m.get('id')}: {m.get('text', m.get('error'))}\n")
        if m.get("reasons"):
            w(f"      {' '.join(m['reasons'])}\n")


def cmd_train(args: argparse.Namespace, stdout: TextIO) -> int:
    from . import train

    model, judgement, figures = train.train(args.corpus, args.out, args.folds)
    print(f"{args.out}/wording.json: {len(model.weights):,} n-gram weights from "
          f"{model.corpus_messages} messages", file=stdout)
    weights = ", ".join(f"{k} {v:g}" for k, v in judgement.weights.items())
    print(f"{args.out}/judgement.toml: caution at {judgement.caution} of {judgement.danger} points; "
          f"weights {weights}", file=stdout)
    print(f"on out-of-fold predictions: scams caught {figures['scam_caught']}/{figures['scams']}, "
          f"danger {figures['scam_danger']}; genuine flagged {figures['genuine_flagged']}/"
          f"{figures['genuine']}, danger {figures['genuine_danger']}", file=stdout)
    return 0


def cmd_corpus(args: argparse.Namespace, stdout: TextIO) -> int:
    from . import corpus

    loaded = corpus.load(args.file)
    found = corpus.problems(loaded)
    for problem in found:
        print(f"{args.file}: {problem}", file=stdout)
    labels = Counter(m.label for m in loaded.messages)
    real = sum(m.source != corpus.WRITTEN for m in loaded.messages)
    sites = len({m.site for m in loaded.messages if m.source != corpus.WRITTEN})
    print(f"{len(loaded.messages)} messages ({labels['scam']} scam, {labels['genuine']} genuine; "
          f"{real} real from {sites} sites, {len(loaded.messages) - real} written by us); "
          f"{len(found)} problems", file=stdout)
    return EXIT_BAD_INPUT if found else 0


def cmd_snapshot(args: argparse.Namespace, stdout: TextIO) -> int:
    from . import snapshot

    out = snapshot.write(args.out)
    print(f"{out}: {out.stat().st_size:,} bytes, from the resources in "
          f"{', '.join(snapshot.FOLDERS)}", file=stdout)
    return 0


def _silence(stream: TextIO) -> None:
    """Point a closed standard output at /dev/null so Python's exit flush does not complain."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m core", description="Offline scam-message checker.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check one message (TEXT or stdin)")
    p_check.add_argument("text", nargs="?", help="the message; read from stdin when absent")
    p_check.add_argument("--json", action="store_true", help="print the verdict as JSON")
    p_check.add_argument("--jsonl", action="store_true", help='each stdin line is {"id":..,"text":..}')
    p_check.add_argument("--image", metavar="FILE",
                         help="read the message from a picture (PNG, JPEG, BMP, WebP, GIF; needs the ocr extra)")
    p_check.add_argument("--lang", choices=("ja", "en"), default="ja")
    p_eval = sub.add_parser("eval", help="measure detection on a labelled corpus (JSONL)")
    p_eval.add_argument("file")
    p_eval.add_argument("--json", action="store_true")
    p_eval.add_argument("--cv", type=int, default=0, metavar="K",
                        help="K-fold cross-validation grouped by source site (needs the train extra)")
    p_eval.add_argument("--draws", type=int, default=1, metavar="N",
                        help="with --cv: repeat it over N draws of the folds and give each draw's figures "
                             "and their mean (the report and misses are the first draw's)")
    p_train = sub.add_parser("train", help="train the wording model and choose the judgement (train extra)")
    p_train.add_argument("--corpus", type=Path, default=Path("corpus/messages.jsonl"))
    p_train.add_argument("--out", type=Path, default=Path("resources/model"))
    p_train.add_argument("--folds", type=int, default=5)
    p_corpus = sub.add_parser("corpus", help="check the corpus: records, reserved sources, template variants")
    p_corpus.add_argument("action", choices=("check",))
    p_corpus.add_argument("file", type=Path, nargs="?", default=Path("corpus/messages.jsonl"))
    p_snap = sub.add_parser("snapshot", help="store the loaded resources for a quick start (build step)")
    p_snap.add_argument("out", type=Path, help="where to write it; the app reads resources/core.snapshot")
    return parser


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    raw_stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    if isinstance(raw_stdout, io.TextIOWrapper):
        raw_stdout.reconfigure(errors="replace")
    stdout = _GuardedOutput(raw_stdout)
    args = build_parser().parse_args(argv)
    try:
        code = _run(args, stdin, stdout, stderr)
        stdout.flush()
        return code
    except BrokenPipeError:  # the reader went away (e.g. `| head`): nothing more to say
        _silence(raw_stdout)
        return EXIT_PIPE
    except OutputFailed as exc:
        _silence(raw_stdout)
        print(f"sagicheck: could not write the output: {exc}", file=stderr)
        return EXIT_IO
    except OSError as exc:  # a file named on the command line (snapshot OUT, train --out ...)
        print(f"sagicheck: {exc}", file=stderr)
        return EXIT_IO
    except (RuleFileError, ValueError) as exc:
        print(f"sagicheck: a data file is broken: {exc}", file=stderr)
        return EXIT_DATA


def _run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    if args.command == "check":
        return cmd_check(args, stdin, stdout, stderr)
    if args.command == "snapshot":
        return cmd_snapshot(args, stdout)
    if args.command == "train":
        return cmd_train(args, stdout)
    if args.command == "corpus":
        return cmd_corpus(args, stdout)
    return cmd_eval(args, stdout, stderr)


__all__ = ["main", "evaluate_corpus", "ErrorCode"]
