"""Phone-style screenshots of text messages, drawn with Qt, for measuring reading a picture.

Each screen has a status bar (clock, battery), a header with the sender, received bubbles with
the time beside them and, on one screen, a reply the owner sent (on the right, with '既読' and
the time beside it), as a phone's messages app shows them.
``Screen.messages`` is the text a person reads in the bubbles, one string a bubble, with the
line breaks where the bubble wraps them; that is what reading the picture should give back.

    from benchmarks.sms_screens import SCREENS, render
    png = render(SCREENS[0])                       # bytes of a PNG
    jpeg = render(SCREENS[0], width=750, jpeg_quality=70)

The messages are written for these measurements (not copied from anywhere); the links and
the numbers are made up.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter

FONTS = ("Noto Sans CJK JP", "Noto Serif CJK JP")


@dataclass(frozen=True, slots=True)
class Screen:
    sender: str
    messages: tuple[str, ...]  # bubble texts, each line as the bubble shows it
    times: tuple[str, ...] = ()
    sent: tuple[int, ...] = ()  # bubbles the phone's owner sent (right, coloured, '既読' beside)


SCREENS: tuple[Screen, ...] = (
    Screen("+81 80-1234-0000", (
        "【佐川急便】お荷物のお届けに\nあがりましたが不在のため\n持ち帰りました。下記より\nご確認ください。",
        "https://sagawa-kz.com/track?id=5821",
    ), ("9:41", "9:42")),
    Screen("03-5555-0123", (
        "【重要】ご利用料金の未払いが\nあります。本日中にご連絡が\nない場合、法的手続きに\n移行します。",
        "お問い合わせ 03-5555-0123\n受付 9時〜18時",
    ), ("14:05", "14:05")),
    Screen("Amazon", (
        "Amazonプライムの会費の\nお支払いに問題があります。\n次のリンクから情報を更新\nしてください。",
        "https://amaz0n-jp.co/login",
    ), ("7:12", "7:13")),
    Screen("090-1234-0000", (
        "お母さん、携帯が壊れたので\n新しい番号です。登録しておいてね。",
        "ちょっと相談があるから\n今日中に電話ちょうだい。",
    ), ("20:30", "20:31")),
    Screen("ヤマト運輸", (
        "明日の午前中にお届け予定です。\n日時の変更は以下から\nお手続きください。",
        "http://yamato-unyu.top/r/7QkZ",
    ), ("11:00", "11:01")),
    Screen("080-1234-0000", (
        "荷物の受け取りに必要なので\n認証コードを教えてください。",
        "何のコードですか?",
        "今届いた6桁の番号です。\nすぐに送ってください。",
    ), ("18:02", "18:05", "18:06"), sent=(1,)),
    Screen("市役所", (
        "医療費の還付金があります。\n受け取りの期限が近いため\n0120-000-456 までお電話\nください。",
    ), ("10:15",)),
)


def render(screen: Screen, width: int = 1080, dark: bool = False, font: str = FONTS[0],
           status_bar: bool = True, jpeg_quality: int | None = None, scale: float = 1.0) -> bytes:
    """The screenshot as PNG bytes (or JPEG when ``jpeg_quality`` is given), optionally scaled."""
    image = draw(screen, width=width, dark=dark, font=font, status_bar=status_bar)
    if scale != 1.0:
        image = image.scaledToWidth(round(image.width() * scale), Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if jpeg_quality is None:
        image.save(buffer, "PNG")
    else:
        image.save(buffer, "JPEG", jpeg_quality)
    return bytes(buffer.data())


def draw(screen: Screen, width: int = 1080, dark: bool = False, font: str = FONTS[0],
         status_bar: bool = True) -> QImage:
    if QGuiApplication.instance() is None:
        raise RuntimeError("drawing a screen needs a QGuiApplication")
    unit = width / 1080
    height = round(width * 2400 / 1080)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    colors = _DARK if dark else _LIGHT
    image.fill(QColor(colors["background"]))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    def pen_font(pixels: float, bold: bool = False) -> QFont:
        f = QFont(font)
        f.setPixelSize(max(8, round(pixels * unit)))
        f.setBold(bold)
        painter.setFont(f)
        return f

    y = 0
    if status_bar:
        painter.setPen(QColor(colors["text"]))
        pen_font(34)
        painter.drawText(QRect(round(50 * unit), 0, round(300 * unit), round(90 * unit)),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, "9:41")
        painter.drawText(QRect(width - round(330 * unit), 0, round(280 * unit), round(90 * unit)),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, "4G 87%")
        y = round(90 * unit)
    painter.fillRect(QRect(0, y, width, round(170 * unit)), QColor(colors["header"]))
    painter.setPen(QColor(colors["text"]))
    pen_font(44, bold=True)
    painter.drawText(QRect(0, y, width, round(120 * unit)), Qt.AlignmentFlag.AlignCenter, screen.sender)
    pen_font(30)
    painter.setPen(QColor(colors["muted"]))
    painter.drawText(QRect(0, y + round(95 * unit), width, round(60 * unit)), Qt.AlignmentFlag.AlignCenter,
                     "SMS/MMS")
    y += round(230 * unit)
    pen_font(30)
    painter.drawText(QRect(0, y, width, round(50 * unit)), Qt.AlignmentFlag.AlignCenter, "今日")
    y += round(90 * unit)

    body = pen_font(46)
    metrics = QFontMetrics(body)
    pad = round(36 * unit)
    for index, text in enumerate(screen.messages):
        mine = index in screen.sent
        lines = text.split("\n")
        text_w = max(metrics.horizontalAdvance(line) for line in lines)
        text_h = metrics.lineSpacing() * len(lines)
        left = width - round(50 * unit) - (text_w + 2 * pad) if mine else round(50 * unit)
        bubble = QRectF(left, y, text_w + 2 * pad, text_h + 2 * pad)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colors["sent" if mine else "bubble"]))
        painter.drawRoundedRect(bubble, 40 * unit, 40 * unit)
        painter.setPen(QColor("#ffffff" if mine else colors["text"]))
        pen_font(46)
        for n, line in enumerate(lines):
            baseline = y + pad + metrics.ascent() + n * metrics.lineSpacing()
            painter.drawText(round(left + pad), round(baseline), line)
        if index < len(screen.times):
            small = pen_font(28)
            painter.setPen(QColor(colors["muted"]))
            if mine:  # read mark and time to the left of one's own bubble, as LINE shows them
                x = round(bubble.left() - 20 * unit - QFontMetrics(small).horizontalAdvance(screen.times[index]))
                painter.drawText(x, round(bubble.bottom() - 50 * unit), "既読")
                painter.drawText(x, round(bubble.bottom() - 10 * unit), screen.times[index])
            else:
                painter.drawText(round(bubble.right() + 20 * unit), round(bubble.bottom() - 10 * unit),
                                 screen.times[index])
        y = round(bubble.bottom() + 60 * unit)
    painter.end()
    return image


_LIGHT = {"background": "#ffffff", "header": "#f2f2f7", "bubble": "#e9e9eb", "sent": "#1f7a3a", "text": "#000000",
          "muted": "#8e8e93"}
_DARK = {"background": "#000000", "header": "#1c1c1e", "bubble": "#26252a", "sent": "#1f7a3a", "text": "#ffffff",
         "muted": "#8e8e93"}
