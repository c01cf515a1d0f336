"""The window fits the screen it opens on, at every text size, in both languages.

Each screen size runs ``layout_probe.py`` in a process of its own (Qt picks its screens once per
process), offscreen with one screen of that size: the real window, a danger message with many
reasons, 確認する and 次へ, at every text-size step. What a user must see without scrolling: the
banner, the first reason's title, the guide's question and the start of its first answer, and
each page's main button on the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from gui.window_place import WindowPlace, first_place, restored_place

PROBE = Path(__file__).with_name("layout_probe.py")
LAPTOP, NETBOOK, DESKTOP = QRect(0, 0, 1366, 768), QRect(0, 0, 1024, 600), QRect(0, 0, 1920, 1080)


@pytest.mark.parametrize("size", ["1024x600", "1366x768", "1920x1080"])
def test_every_page_shows_what_matters_and_its_main_button_at_every_text_size(size):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    run = subprocess.run([sys.executable, str(PROBE), size], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["problems"] == []
    width, height = (int(n) for n in size.split("x"))
    assert report["measured"]["screen"] == [width, height]
    assert report["measured"]["window"][0] <= width and report["measured"]["window"][1] <= height
    assert len(report["measured"]) == 2 + 2 * 8  # every text size, both languages


def test_a_small_screen_gets_the_whole_of_it_and_a_large_one_a_comfortable_share():
    for room in (NETBOOK, LAPTOP):
        place = first_place(room)
        assert place.maximised and room.contains(place.rect())
    place = first_place(DESKTOP)
    assert not place.maximised and DESKTOP.contains(place.rect())
    assert place.rect().center() == DESKTOP.center() or abs(place.rect().center().x() - DESKTOP.center().x()) <= 1
    assert place.width >= 1200 and place.height >= 900


def test_the_last_place_comes_back_on_the_same_screen():
    saved = WindowPlace(200, 100, 1200, 800, maximised=False)
    assert restored_place(saved, [DESKTOP], DESKTOP) == saved
    maximised = WindowPlace(200, 100, 1200, 800, maximised=True)
    assert restored_place(maximised, [DESKTOP], DESKTOP).maximised


def test_a_place_on_a_screen_that_is_gone_falls_back_to_the_screen_there_is():
    on_second_monitor = WindowPlace(2100, 100, 1600, 1000)
    place = restored_place(on_second_monitor, [LAPTOP], LAPTOP)
    assert LAPTOP.contains(place.rect())
    assert place == first_place(LAPTOP)


def test_a_window_larger_than_its_screen_now_is_shrunk_and_pulled_inside():
    from_big_monitor = WindowPlace(300, 200, 1800, 1000)
    place = restored_place(from_big_monitor, [LAPTOP, QRect(1366, 0, 1920, 1080)], LAPTOP)
    assert LAPTOP.contains(place.rect())
    assert place.width < 1366 and place.height < 768


def test_the_place_is_kept_in_the_settings_and_a_damaged_one_is_ignored(tmp_path):
    from gui.settings import Settings, load_settings, save_settings

    path = tmp_path / "settings.json"
    save_settings(path, Settings(window=WindowPlace(10, 20, 1000, 700, maximised=True)))
    assert load_settings(path).window == WindowPlace(10, 20, 1000, 700, maximised=True)
    for bad in ('"window": [10, 20, -5, 700, 0]', '"window": "big"', '"window": [1, 2, 3]', '"window": [1, 2, 3, 4, true]'):
        path.write_text('{"language": "en", ' + bad + "}", encoding="utf-8")
        settings = load_settings(path)
        assert settings.window is None and settings.language == "en"


def test_closing_the_window_remembers_where_it_was(qtbot, window, _data_dir):
    window.showNormal()
    window.setGeometry(QRect(40, 30, 700, 500))
    qtbot.waitUntil(lambda: window.geometry() == QRect(40, 30, 700, 500))
    window.close()
    saved = json.loads((_data_dir / "settings.json").read_text("utf-8"))
    assert saved["window"] == [40, 30, 700, 500, 0]
