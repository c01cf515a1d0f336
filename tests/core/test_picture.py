"""Which pictures are read: the kind and size come from the file's first bytes, before decoding."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from core.picture import PictureFormat, PictureLimits, inspect, reading_settings
from core.verdict import CheckError, ErrorCode
from picture_fakes import png_header, tiny_png


def encoded(fmt: str, width: int = 30, height: int = 20) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(buffer.data())


def code_of(data: bytes, limits: PictureLimits | None = None) -> ErrorCode:
    with pytest.raises(CheckError) as caught:
        inspect(data, limits)
    return caught.value.code


@pytest.mark.parametrize(("fmt", "kind"), [("PNG", PictureFormat.PNG), ("JPEG", PictureFormat.JPEG),
                                           ("BMP", PictureFormat.BMP)])
def test_screenshots_saved_by_common_programs_are_recognised_with_their_size(fmt, kind):
    info = inspect(encoded(fmt, 30, 20))
    assert (info.format, info.width, info.height) == (kind, 30, 20)


def test_gif_and_webp_headers_give_their_size():
    gif = b"GIF89a" + struct.pack("<HH", 750, 1334) + b"\x00" * 20
    lossy = b"RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00" + b"\x00\x00\x00\x9d\x01\x2a" + struct.pack("<HH", 1080, 2400)
    lossless = b"RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f" + struct.pack("<I", (1080 - 1) | ((2400 - 1) << 14))
    extended = b"RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00" + (1079).to_bytes(3, "little") + (2399).to_bytes(3, "little")
    assert (inspect(gif).format, inspect(gif).width, inspect(gif).height) == (PictureFormat.GIF, 750, 1334)
    for data in (lossy, lossless, extended):
        info = inspect(data)
        assert (info.format, info.width, info.height) == (PictureFormat.WEBP, 1080, 2400)


@pytest.mark.parametrize(("data", "name"), [
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"II*\x00\x08\x00\x00\x00", "TIFF"),
])
def test_an_iphone_photo_a_pdf_or_a_tiff_is_turned_away_by_name(data, name):
    with pytest.raises(CheckError) as caught:
        inspect(data)
    assert caught.value.code == ErrorCode.PICTURE_UNSUPPORTED
    assert f"({name})" in caught.value.message.ja and f"({name})" in caught.value.message.en


def test_a_text_file_is_not_a_picture():
    assert code_of("お荷物のお届けにあがりました".encode()) == ErrorCode.PICTURE_UNSUPPORTED


def test_a_200_megapixel_picture_is_refused_from_its_header_alone():
    # 20,000 x 10,000: only the 33-byte header exists; nothing is decoded to find out.
    assert code_of(png_header(20_000, 10_000)) == ErrorCode.PICTURE_TOO_LARGE


def test_a_long_scrolling_screenshot_is_still_read():
    assert inspect(png_header(1080, 20_000)).height == 20_000


def test_a_file_larger_than_the_byte_limit_is_refused_before_looking_inside():
    limits = PictureLimits(max_bytes=1000, max_pixels=10**9, max_side=10**6)
    assert code_of(tiny_png() + b"\x00" * 1000, limits) == ErrorCode.PICTURE_TOO_LARGE


@pytest.mark.parametrize("data", [
    b"",
    tiny_png()[:12],  # cut inside the header
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",  # a JPEG that ends before its frame header
    b"\xff\xd8\xff\xda\x00\x08" + b"\x00" * 20,  # picture data before any frame header
    png_header(0, 100),  # no width
    b"RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",  # no start code
])
def test_a_broken_or_cut_off_file_gets_its_own_code(data):
    assert code_of(data) == ErrorCode.PICTURE_BROKEN


def test_the_shipped_reading_settings_load_and_every_clutter_pattern_compiles():
    settings = reading_settings()
    assert settings.limits.max_pixels < 200_000_000 <= 10 * settings.limits.max_pixels
    assert 0 < settings.drop_line_below < settings.doubtful_below < 1
    assert settings.clutter
    # The models' own sizes: the recogniser takes lines 48 pixels high; the detector needs sides
    # that are multiples of 32.
    assert settings.reader.line_height == 48
    assert settings.reader.detect_longest_side % 32 == 0
    assert 0 < settings.reader.text_above < settings.reader.box_at_least < 1


def test_a_reader_setting_out_of_range_names_the_setting(tmp_path, monkeypatch):
    from importlib import resources

    from core.rules import RuleFileError

    shipped = resources.files("resources").joinpath("reading", "picture.toml").read_text("utf-8")
    broken = tmp_path / "resources" / "reading" / "picture.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text(shipped.replace("box_at_least = 0.5", "box_at_least = 5"), encoding="utf-8")
    monkeypatch.setattr(resources, "files", lambda package: tmp_path / "resources")
    reading_settings.cache_clear()
    try:
        with pytest.raises(RuleFileError, match="box_at_least"):
            reading_settings()
    finally:
        reading_settings.cache_clear()
