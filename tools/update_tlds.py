"""Write resources/links/all_tlds.txt from a copy of the Public Suffix List.

    python tools/update_tlds.py public_suffix_list.dat

The list is read from a file you downloaded yourself (https://publicsuffix.org/list/); the app
never fetches anything. Every top-level domain of the list's ICANN section is kept (ASCII and
punycode forms), with the list's version line, so that a reader can tell how current it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "links" / "all_tlds.txt"


def icann_tlds(psl_text: str) -> tuple[str, list[str]]:
    lines = psl_text.splitlines()
    version = next((ln.strip("/ ").strip() for ln in lines if ln.startswith("// VERSION:")), "VERSION: unknown")
    start = lines.index("// ===BEGIN ICANN DOMAINS===")
    end = lines.index("// ===END ICANN DOMAINS===")
    tlds = set()
    for line in lines[start:end]:
        rule = line.strip()
        if not rule or rule.startswith("//") or rule.startswith("!"):
            continue
        tld = rule.rsplit(".", 1)[-1]
        tlds.add(tld.encode("idna").decode("ascii") if not tld.isascii() else tld)
    return version, sorted(tlds)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    version, tlds = icann_tlds(Path(argv[0]).read_text(encoding="utf-8"))
    header = (
        "# Every top-level domain in use, so that a bare address such as \"invoice.zip/a\" is seen\n"
        "# as a link. From the ICANN section of the Public Suffix List (https://publicsuffix.org/list/),\n"
        f"# {version}. Regenerate with tools/update_tlds.py.\n"
    )
    OUT.write_text(header + "\n".join(tlds) + "\n", encoding="utf-8")
    print(f"{len(tlds)} top-level domains written to {OUT.name} ({version})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
