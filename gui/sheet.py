"""The printed guidance sheet: what this message is, why, what to do, who to call, and room
to write down what happened. A4, large type, headings in a real bold face.

Everything is plain text laid out with escaped HTML: links are printed defanged
(``hxxps://example[.]com``), numbers are text, and nothing on the sheet is a hyperlink.

Headless: ``python -m gui --sheet OUT.pdf (--message-file F | TEXT) [--lang ja|en]
[--answers called_or_replied,paid,paid_voucher]`` -> :func:`sheet_main` (the answers as given in
the window's guide, so that every case's sheet can be made without the window).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont, QFontDatabase, QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter,
    QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat, QTextTable,
)

from core import CheckError, ErrorCode, Level, NumberKind, Text, Verdict, check, defang_text
from core.guidance import Guidance, GuidanceFileError, UnknownAnswer, Walkthrough, load_guidance

from .causes import causes
from .checklist_result import ChecklistResult
from .storage import write_output_file

_STYLE_KEYS = {
    "fonts": list, "font_features_off": list, "body_pt": int, "heading_pt": int, "title_pt": int,
    "margin_mm": int, "max_message_chars": int, "memo_lines": int, "line_height_percent": int,
}
_FEATURE_TAG = re.compile(r"[A-Za-z0-9 ]{4}")
# Control characters other than tab and newline would print as boxes or reorder text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
# What html.escape(quote=True) does, without importing the html package for it.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
# Safety net for addresses the check did not list (beyond its limits): break the scheme and "www.".
_LEVEL_COLOURS = {Level.DANGER: "#ffd6d6", Level.CAUTION: "#ffe9b3", Level.NO_SIGNS: "#e8e8e8"}

EXIT_BAD_INPUT = 2
EXIT_DATA = 3
EXIT_WRITE = 1
_MESSAGES = {
    "unreadable": Text("ファイルを読めません: {detail}", "cannot read the message file: {detail}"),
    "not_text": Text("文字のファイルではありません: {detail}", "the message file is not text: {detail}"),
    "unwritable": Text("PDFを書き込めません: {detail}", "cannot write the PDF: {detail}"),
    "data": Text("データファイルが壊れています: {detail}", "a data file is broken: {detail}"),
}


class SheetStyleError(ValueError):
    """``sheet.toml`` is malformed."""


@dataclass(frozen=True, slots=True)
class SheetStyle:
    fonts: tuple[str, ...]
    font_features_off: tuple[str, ...]
    body_pt: int
    heading_pt: int
    title_pt: int
    margin_mm: int
    max_message_chars: int
    memo_lines: int
    line_height_percent: int


@cache
def sheet_style() -> SheetStyle:
    """Read ``resources/guidance/sheet.toml`` strictly (on first use)."""
    return parse_sheet_style((resources.files("resources") / "guidance" / "sheet.toml").read_text(encoding="utf-8"))


def parse_sheet_style(text: str) -> SheetStyle:
    """The style in ``text`` (``sheet.toml``'s format); unknown or missing keys are errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SheetStyleError(f"sheet.toml: not valid TOML: {exc}") from None
    if set(data) != set(_STYLE_KEYS):
        raise SheetStyleError(f"sheet.toml: expected exactly {sorted(_STYLE_KEYS)}, got {sorted(data)}")
    for key, kind in _STYLE_KEYS.items():
        if not isinstance(data[key], kind) or (kind is int and data[key] <= 0):
            raise SheetStyleError(f"sheet.toml: '{key}' has the wrong type or value")
    if not data["fonts"] or not all(isinstance(f, str) and f for f in data["fonts"]):
        raise SheetStyleError("sheet.toml: 'fonts' must list font family names")
    if not all(isinstance(t, str) and _FEATURE_TAG.fullmatch(t) for t in data["font_features_off"]):
        raise SheetStyleError("sheet.toml: 'font_features_off' must list four-letter OpenType feature tags")
    if data["body_pt"] < 12:
        raise SheetStyleError("sheet.toml: body text must be at least 12pt")
    if not 80 <= data["line_height_percent"] <= 150:
        raise SheetStyleError("sheet.toml: 'line_height_percent' must be between 80 and 150")
    lists = ("fonts", "font_features_off")
    return SheetStyle(**{k: tuple(data[k]) for k in lists}, **{k: data[k] for k in _STYLE_KEYS if k not in lists})


def sheet_font_family(style: SheetStyle | None = None) -> str:
    """The first listed family that is installed and has a real bold face (needs a Qt app)."""
    style = style or sheet_style()
    installed = set(QFontDatabase.families())
    available = [f for f in style.fonts if f in installed]
    for family in available:
        if any(QFontDatabase.weight(family, s) >= QFont.Weight.DemiBold for s in QFontDatabase.styles(family)):
            return family
    return available[0] if available else QGuiApplication.font().family()


def defanged_message(verdict: Verdict, message: str, limit: int) -> tuple[str, bool]:
    """The message with every link defanged (see ``core.links.defang_text``), at most ``limit``
    characters, and whether it was cut."""
    text = _CONTROL.sub("", defang_text(message, verdict.links))
    if len(text) > limit:
        return text[:limit], True
    return text, False


def _e(text: str) -> str:
    """Escape for HTML; line breaks kept."""
    return _CONTROL.sub("", text).translate(_ESCAPES).replace("\n", "<br/>")


def sheet_html(verdict: Verdict | None, message: str, lang: str, path: Sequence[tuple[str, str]] | None,
               steps: Sequence[str] | None, when: datetime, guidance: Guidance, style: SheetStyle,
               checklist: ChecklistResult | None = None) -> str:
    """The sheet as HTML (every piece of text escaped; no anchors, no images).

    The first page is the one by the phone: the verdict in one box, what to do, and who to call.
    Everything else (the answers that led to these steps, notes, the checklist, the message and
    why it was judged so) starts on the next page.
    """
    def label(key: str) -> str:
        return _e(guidance.label(key, lang))

    h1 = f'style="font-size:{style.title_pt}pt; font-weight:700; margin-bottom:4px;"'
    h2 = f'style="font-size:{style.heading_pt}pt; font-weight:700; margin-top:6px; margin-bottom:2px;"'
    h2_new_page = h2[:-1] + ' page-break-before:always;"'
    line = f"line-height:{style.line_height_percent}%;"
    date = guidance.label("date_format", lang).format(
        year=when.year, month=when.month, day=when.day, hour=when.hour, minute=when.minute)
    # The title, the date, then the verdict in one coloured line.
    out = [f'<html><body style="font-size:{style.body_pt}pt;">',
           f"<h1 {h1}>{label('sheet_title')}</h1>",
           f'<p style="margin-top:0px; margin-bottom:3px;">{label("sheet_date")}: {_e(date)} &nbsp; '
           f"<b>{label('sheet_footer')}</b></p>"]

    if verdict is not None:
        level = label(f"level_{verdict.level.value}")
        out += [f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>'
                f'<td bgcolor="{_LEVEL_COLOURS[verdict.level]}">'
                f'<span style="font-size:{style.heading_pt}pt; font-weight:700;">{label("sheet_verdict")}: {level}</span>'
                f" &nbsp; {_e(verdict.headline.get(lang))}</td></tr></table>"]

    # What to do and who to call come first: this is what the sheet by the phone is for.
    out.append(f"<h2 {h2}>{label('steps_heading')}</h2>")
    if not steps:
        default = guidance.default_steps(verdict.topics if verdict is not None else ())
        out.append(f"<p><b>{_e(default.title.get(lang))}</b></p>")
        steps = [s.text.get(lang) for s in default.steps]
    out.append('<ol style="margin-top:0px;">'
               + "".join(f'<li style="{line}">{_e(s)}</li>' for s in steps) + "</ol>")

    # One small table per hotline, its number first and large: a page may end between two of
    # them, never inside one.
    out.append(f"<h2 {h2}>{label('hotlines_heading')}</h2>")
    row = '<table border="1" cellspacing="0" cellpadding="2" width="100%"><tr>{}</tr></table>'
    for h in guidance.hotlines:
        times = " / ".join(_e(t.get(lang)) for t in (h.hours, h.cost, h.note) if t is not None)
        out.append(row.format(
            f'<td><p style="{line}"><span style="font-size:{style.heading_pt}pt; font-weight:700;">{_e(h.number)}</span>'
            f" &nbsp;<b>{_e(h.name.get(lang))}</b>: {_e(h.use.get(lang))} <i>{label('hotline_hours')}: {times}</i></p></td>"))

    # The answers that led to these steps open the second page.
    if path:
        out.append(f"<h2 {h2_new_page}>{label('path_heading')}</h2><ul>")
        out += [f"<li>{_e(q)} → <b>{_e(a)}</b></li>" for q, a in path]
        out.append("</ul>")
    blank = "<br/>".join(["&nbsp;"] * style.memo_lines)
    out += [f"<h2 {h2 if path else h2_new_page}>{label('sheet_memo')}</h2>",
            '<table border="1" cellspacing="0" cellpadding="8" width="100%">']
    out += [f'<tr><td width="25%"><b>{label(k)}</b></td><td>{blank}</td></tr>'
            for k in ("memo_when", "memo_number", "memo_said")]
    out.append("</table>")

    if checklist is not None:
        out.append(f"<h2 {h2}>{_e(checklist.title)}</h2><ul>")
        out += [f"<li>{'■' if ticked else '□'} {_e(text)}</li>" for text, ticked in checklist.items]
        out.append(f"</ul><p><b>{_e(checklist.conclusion)}</b></p>")

    # Then the message itself and why it was judged so.
    if verdict is not None:
        text, cut = defanged_message(verdict, message, style.max_message_chars)
        out += [f'<h2 {h2}>{label("sheet_message")}</h2>',
                f"<p>{label('sheet_message_note')}</p>",
                f'<table border="1" cellspacing="0" cellpadding="10" width="100%"><tr><td>{_e(text)}'
                + (f"<br/>{label('sheet_message_cut')}" if cut else "") + "</td></tr></table>"]
        # Its numbers right under it, in their box: the numbers of this message are not help
        # lines (a short box kept beside the message rather than alone on a last page).
        if verdict.phone_numbers:
            out += _numbers_not_to_call(verdict, lang, h2, guidance)
        if verdict.reasons:
            # One item per cause, as in the window: the strongest reason's words, the others named.
            out.append(f"<h2 {h2}>{label('sheet_reasons')}</h2><ul>")
            for cause in causes(verdict):
                also = "".join(f"<br/>・{_e(r.title.get(lang))}" for r in cause.others)
                out.append(f"<li><b>{_e(cause.main.title.get(lang))}</b><br/>{_e(cause.main.detail.get(lang))}{also}</li>")
            out.append("</ul>")
        if verdict.links:
            out.append(f"<h2 {h2}>{label('sheet_links')}</h2><ul>")
            out += [f"<li><b>{_e(lk.defanged)}</b><br/>{_e(lk.note.get(lang))}</li>" for lk in verdict.links]
            out.append("</ul>")
    out.append("</body></html>")
    return "".join(out)


def _numbers_not_to_call(verdict: Verdict, lang: str, h2: str, guidance: Guidance) -> list[str]:
    """The numbers the message gave, in a framed box that says in words they are not to be
    called: weeks later, the sheet by the phone must not read as a list of numbers to ring.
    Public help lines (110, 188 ...) a message may quote are listed apart, below the box."""
    out: list[str] = []
    not_to_call = [n for n in verdict.phone_numbers if n.kind is not NumberKind.SERVICE]
    help_lines = [n for n in verdict.phone_numbers if n.kind is NumberKind.SERVICE]
    if not_to_call:
        mark = _e(guidance.label("number_do_not_call", lang))
        rows = []
        for n in not_to_call:
            note = f"<br/>{_e(n.listed_note.get(lang))}" if n.listed_note is not None else ""
            rows.append(f"<li><b>{mark}</b>: {_e(n.text)} ({_e(n.kind_label.get(lang))}){note}</li>")
        out += [f"<h2 {h2}>{_e(guidance.label('sheet_numbers', lang))}</h2>",
                '<table border="2" cellspacing="0" cellpadding="8" width="100%"><tr><td><ul>',
                *rows, "</ul></td></tr></table>"]
    if help_lines:
        out.append(f"<p>{_e(guidance.label('number_help_line', lang))}</p><ul>")
        out += [f"<li>{_e(n.text)} ({_e(n.kind_label.get(lang))})</li>" for n in help_lines]
        out.append("</ul>")
    return out


def sheet_font(style: SheetStyle | None = None) -> QFont:
    """The sheet's body font: the family from :func:`sheet_font_family`, body size, and the
    OpenType features the style turns off (needs a Qt app)."""
    style = style or sheet_style()
    font = QFont(sheet_font_family(style))
    font.setPointSizeF(style.body_pt)
    for tag in style.font_features_off:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def sheet_page_layout(style: SheetStyle | None = None) -> QPageLayout:
    """A4 portrait with the style's margins, for the PDF writer and the printer alike."""
    margin = float((style or sheet_style()).margin_mm)
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)


def sheet_title(lang: str) -> str:
    """The sheet's title, also the PDF's title and the printer's document name."""
    return load_guidance().label("sheet_title", lang)


def _page_body(device: QPagedPaintDevice) -> tuple[QSizeF, int]:
    """The size of the text area of one page on ``device``, and the height kept below it for
    the page number (a quarter of an inch), in device pixels."""
    footer = device.logicalDpiY() // 4
    return QSizeF(device.width(), device.height() - footer), footer


def _empty_document(font: QFont, device: QPagedPaintDevice | None) -> QTextDocument:
    """An empty document with ``font`` and, for printing, ``device`` and its page size: set
    while it is empty, because each of them set on a filled document lays it all out again."""
    doc = QTextDocument()
    if device is not None:
        doc.documentLayout().setPaintDevice(device)
        doc.setPageSize(_page_body(device)[0])
    doc.setDefaultFont(font)
    return doc


def build_sheet(verdict: Verdict | None, message: str, lang: str,
                path: list[tuple[str, str]] | None = None, steps: list[str] | None = None,
                when: datetime | None = None, device: QPagedPaintDevice | None = None,
                checklist: ChecklistResult | None = None) -> QTextDocument:
    """The sheet for this case. Without chosen steps, the default steps for the verdict's topic.

    For printing, pass the ``device`` (a QPdfWriter or QPrinter) that :func:`paint_sheet` will
    paint on: the sheet is then laid out once, for that device's pages."""
    style = sheet_style()
    guidance = load_guidance()
    doc = _empty_document(sheet_font(style), device)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, sheet_title(lang))
    doc.setHtml(sheet_html(verdict, message, lang, path, steps, when or datetime.now(), guidance, style, checklist))
    if device is not None:
        keep_together(doc)
    return doc


def keep_together(doc: QTextDocument) -> int:
    """Move to the next page what a page end would strand; how many things were moved.

    On a paged document: a heading whose next part starts on the next page, a small table (one
    hotline, the notes) that a page end would cut, and a paragraph or list item that would leave
    a single line at the foot of a page or carry a single line over to the next. Each is given
    a page break before it, one at a time from the top, as each move shifts what follows.
    """
    height = doc.pageSize().height()
    if height <= 0:
        return 0
    moved = 0
    for _ in range(200):  # far more than a sheet has headings, tables and paragraphs
        doc.pageCount()  # lays the whole document out
        parts = _parts(doc)
        at = _first_stranded(parts, height)
        if at is None:
            break
        # A heading goes with what it heads: the break goes before the headings right above.
        while at > 0 and _is_heading(parts[at - 1][0]) and not _breaks_before(parts[at - 1][0]):
            at -= 1
        stranded = parts[at][0]
        if isinstance(stranded, QTextTable):
            fmt = stranded.format()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            stranded.setFormat(fmt)
        else:
            fmt = QTextBlockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(stranded).mergeBlockFormat(fmt)
        moved += 1
    return moved


_Part = tuple["QTextBlock | QTextTable", float, float, list[float]]  # top, bottom, tops of its lines


def _parts(doc: QTextDocument) -> list[_Part]:
    """The top-level paragraphs and tables of ``doc`` with where they lie, top to bottom."""
    layout = doc.documentLayout()
    parts: list[_Part] = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame, block = it.currentFrame(), it.currentBlock()
        if isinstance(frame, QTextTable):
            rect = layout.frameBoundingRect(frame)
            parts.append((frame, rect.top(), rect.bottom(), []))
        elif block.isValid() and block.isVisible():
            rect = layout.blockBoundingRect(block)
            text_layout = block.layout()
            lines = [rect.top() + text_layout.lineAt(i).y() for i in range(text_layout.lineCount())]
            parts.append((block, rect.top(), rect.bottom(), lines))
        it += 1
    return parts


def _breaks_before(part: QTextBlock | QTextTable) -> bool:
    fmt = part.format() if isinstance(part, QTextTable) else part.blockFormat()
    return bool(fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _is_heading(part: QTextBlock | QTextTable) -> bool:
    return not isinstance(part, QTextTable) and part.blockFormat().headingLevel() > 0


def _first_stranded(parts: list[_Part], height: float) -> int | None:
    """The index of the first part that a page end strands or cuts, if any."""
    def page(y: float) -> int:
        return int(y // height)

    for index, (part, top, bottom, lines) in enumerate(parts):
        if _breaks_before(part) or bottom - top >= height * (1.0 if isinstance(part, QTextTable) else 0.5):
            continue  # already at a page top, or too tall to move whole (a table up to a page is moved)
        if isinstance(part, QTextTable):
            if page(top) != page(bottom - 1):
                return index
            continue
        if _is_heading(part) and index + 1 < len(parts):
            following = parts[index + 1]
            first_line = following[3][0] if following[3] else following[1]
            if page(first_line) != page(top):
                return index
            continue
        if lines and page(lines[0]) != page(lines[-1]):
            first_page = sum(1 for y in lines if page(y) == page(lines[0]))
            if first_page == 1 or len(lines) - first_page == 1:
                return index
    return None


def paint_sheet(doc: QTextDocument, device: QPagedPaintDevice) -> int:
    """Paint ``doc`` page by page on ``device`` (a QPdfWriter, or a QPrinter from the print
    dialog or print preview), within the device's page margins, numbering the pages.
    Returns the number of pages.

    ``doc`` should come from ``build_sheet(..., device=device)``; any other sheet document is
    first copied and laid out again for the device."""
    body, footer = _page_body(device)
    if doc.pageSize() != body:
        paged = _empty_document(doc.defaultFont(), device)
        paged.setHtml(doc.toHtml())
        keep_together(paged)
        doc = paged
    pages = doc.pageCount()
    number_font = QFont(doc.defaultFont())
    number_font.setPointSizeF(max(doc.defaultFont().pointSizeF() * 0.8, 10))
    painter = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(number_font)
            painter.drawText(QRectF(0, body.height(), body.width(), footer),
                             int(Qt.AlignmentFlag.AlignCenter), f"{page + 1} / {pages}")
    finally:
        painter.end()  # a PDF writer embeds the fonts' used glyphs here
    return pages


def render_pdf(verdict: Verdict | None, message: str, lang: str,
               path: list[tuple[str, str]] | None = None, steps: list[str] | None = None,
               when: datetime | None = None, checklist: ChecklistResult | None = None) -> bytes:
    """The sheet as A4 PDF bytes, margins from sheet.toml."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("sagicheck")
    writer.setTitle(sheet_title(lang))
    writer.setResolution(300)
    writer.setPageLayout(sheet_page_layout())
    paint_sheet(build_sheet(verdict, message, lang, path, steps, when, device=writer, checklist=checklist), writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def write_sheet_pdf(out_path, verdict: Verdict | None, message: str, lang: str,
                    path: list[tuple[str, str]] | None = None, steps: list[str] | None = None,
                    checklist: ChecklistResult | None = None) -> None:
    """Write the sheet as an A4 PDF (a temporary file beside it, then renamed into place; a pipe
    or a device is written straight into)."""
    write_output_file(Path(out_path), render_pdf(verdict, message, lang, path, steps, checklist=checklist))


# --- headless ---------------------------------------------------------------------------------


class _ArgumentError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        raise _ArgumentError(message)


def _parser() -> _Parser:
    parser = _Parser(prog="python -m gui --sheet", add_help=False)
    parser.add_argument("--sheet", required=True, metavar="OUT.pdf")
    parser.add_argument("--message-file", metavar="FILE")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    parser.add_argument("--answers", default="", metavar="ID,ID,...",
                        help="the guide's answers in order (e.g. called_or_replied,paid,paid_voucher)")
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)  # the app's own option; the sheet needs no data
    parser.add_argument("text", nargs="?")
    return parser


def walk_answers(verdict: Verdict, answers: Sequence[str], lang: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The guide walked with ``answers`` (ids, in order), as the window would print it: the
    questions with the answers chosen, and the steps (none unless the answers reach them)."""
    walk = Walkthrough()
    walk.start(verdict.topics)
    for answer in answers:
        walk.choose(answer)
    path = [(q.text.get(lang), a.text.get(lang)) for q, a in walk.path()]
    steps = [s.text.get(lang) for s in walk.steps()]
    return path, steps


def _read_message(path: str) -> str:
    raw = Path(path).read_bytes()
    for encoding in ("utf-8-sig", "cp932"):  # Japanese Windows files are often Shift_JIS
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("utf-8", raw[:1], 0, 1, "neither UTF-8 nor Shift_JIS")


def _say(key: str, lang: str, detail: object) -> None:
    print(f"sagicheck: {_MESSAGES[key].get(lang).format(detail=detail)}", file=sys.stderr)


def _ensure_gui_app() -> QGuiApplication:
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([sys.argv[0] if sys.argv else "sagicheck"])
    return app


def sheet_main(argv: Sequence[str]) -> int:
    """``--sheet OUT.pdf (--message-file F | TEXT) [--lang ja|en]``: write the sheet, no window."""
    try:
        args = _parser().parse_args(list(argv))
        if (args.message_file is None) == (args.text is None):
            raise _ArgumentError("give either --message-file FILE or the message text, not both")
    except _ArgumentError as exc:
        print(f"sagicheck: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    lang = args.lang
    if args.message_file is not None:
        try:
            message = _read_message(args.message_file)
        except OSError as exc:
            _say("unreadable", lang, exc.strerror or exc)
            return EXIT_BAD_INPUT
        except UnicodeDecodeError:
            _say("not_text", lang, args.message_file)
            return EXIT_BAD_INPUT
    else:
        message = args.text
    try:
        verdict = check(message)
    except CheckError as exc:
        print(f"sagicheck: {exc.message.get(lang) or exc.code.value}", file=sys.stderr)
        return EXIT_DATA if exc.code == ErrorCode.DATA_FILE else EXIT_BAD_INPUT
    try:
        path, steps = walk_answers(verdict, [a for a in args.answers.split(",") if a], lang)
    except UnknownAnswer as exc:
        print(f"sagicheck: --answers: no such answer here: {exc.args[0]}", file=sys.stderr)
        return EXIT_BAD_INPUT
    _ensure_gui_app()
    try:
        write_sheet_pdf(args.sheet, verdict, message, lang, path, steps)
    except (GuidanceFileError, SheetStyleError) as exc:
        _say("data", lang, exc)
        return EXIT_DATA
    except OSError as exc:
        _say("unwritable", lang, f"{args.sheet}: {exc.strerror or exc}")
        return EXIT_WRITE
    if Path(args.sheet).is_file():  # not into the PDF itself when it went to a pipe
        print(args.sheet)
    return 0
