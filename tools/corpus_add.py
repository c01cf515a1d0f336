"""Add gathered messages to the corpus, keeping it valid.

    python tools/corpus_add.py NEW.jsonl [NEW2.jsonl ...] [--into corpus/messages.jsonl]
    python tools/corpus_add.py --fresh OLD.jsonl --longest-first   (rebuild a corpus from a file)

Each new record needs ``text``, ``label``, ``family``, ``lang`` and ``source`` (and may have
``channel``, ``note``, ``numbers``, ``urls``); the id is made from the text. A record is added
only if it passes the validator's record checks and is neither a duplicate nor a variant of a
template already in the corpus (same label); the rest are listed with the reason and left out.
With ``--longest-first`` the longest text of each template is the one kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import corpus  # noqa: E402

NOT_MESSAGES = {"numbers.jsonl"}  # corpus files that do not hold messages
_KEYS = ("id", "text", "label", "family", "lang", "channel", "source", "numbers", "urls", "note")


def _record(raw: dict) -> dict:
    record = {k: raw[k] for k in _KEYS if k in raw and raw[k] not in ("", None)}
    record["id"] = raw.get("id") or corpus.message_id(raw.get("text", ""))
    record.setdefault("channel", "unknown")
    return {k: record[k] for k in _KEYS if k in record}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("new", nargs="+", type=Path)
    parser.add_argument("--into", type=Path, default=Path("corpus/messages.jsonl"))
    parser.add_argument("--fresh", action="store_true", help="start from an empty corpus")
    parser.add_argument("--longest-first", action="store_true")
    args = parser.parse_args(argv)

    reserved = corpus.read_reserved(args.into.parent / "reserved-sources.txt")
    index = corpus.TemplateIndex()
    kept: list[dict] = []
    ids: set[str] = set()
    if not args.fresh and args.into.exists():
        existing = corpus.load(args.into)
        for m, raw in zip(existing.messages, _raw_lines(args.into), strict=False):
            index.add(m)
            ids.add(m.id)
        kept = list(_raw_lines(args.into))
    # The other files of the corpus (the held-out sets above all): a template of one of their
    # messages would leak it into training or measure a held-out set on a trained template.
    # Their texts are not printed, only the file's name: nobody reads a held-out set.
    elsewhere = corpus.TemplateIndex()
    files: list[str] = []
    for other in sorted(args.into.parent.glob("*.jsonl")):
        if other.resolve() == args.into.resolve() or other.name in NOT_MESSAGES:
            continue
        for m in corpus.load(other).messages:
            elsewhere.add(m)
            files.append(other.name)

    incoming = [(path, n, json.loads(line)) for path in args.new
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
    if args.longest_first:
        incoming.sort(key=lambda item: -len(item[2].get("text", "")))
    added = rejected = 0
    for path, n, raw in incoming:
        record = _record(raw)
        why = corpus._record_problem(record, reserved)  # noqa: SLF001 - the same checks as the validator
        if not why and record["id"] in ids:
            why = "the same text is already in"
        if not why:
            message = corpus.Message(**{k: (tuple(v) if isinstance(v, list) else v)
                                        for k, v in record.items()})
            found = index.variant_of(message)
            if found:
                other = message_text(index, found[0])
                why = f"{found[1]}: {other[:60]!r}"
            elif found := elsewhere.variant_of(message):
                why = f"{found[1]} as a message of {files[found[0]]}"
        if why:
            rejected += 1
            print(f"{path.name}:{n}: left out ({why}): {record.get('text', '')[:60]!r}")
            continue
        index.add(message)
        ids.add(record["id"])
        kept.append(record)
        added += 1
    tmp = args.into.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    tmp.replace(args.into)
    print(f"added {added}, left out {rejected}; {len(kept)} messages in {args.into}")
    return 0


def message_text(index: corpus.TemplateIndex, position: int) -> str:
    return index._messages[position].text  # noqa: SLF001


def _raw_lines(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


if __name__ == "__main__":
    raise SystemExit(main())
