"""A 10 MB paste: the window keeps responding and the verdict says only the start was checked."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from window_helpers import SCAM, label_texts, paste

TEN_MB = 10 * 1024 * 1024


def test_ten_megabyte_paste_is_checked_off_the_gui_thread(qtbot, window):
    line = SCAM + "\n"
    big = line * (TEN_MB // len(line.encode("utf-8")) + 1)
    assert len(big.encode("utf-8")) >= TEN_MB
    paste(window, big)
    assert len(window.message_input.toPlainText()) == len(big)

    ticks: list[float] = []
    timer = QTimer(window)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=60_000) as blocker:
        clicked = time.monotonic()
        window.check_button.click()
        click_took = time.monotonic() - clicked
        assert blocker.args is None  # the click came back before the verdict
        assert label_texts(window, "verdictBanner") == ["確認しています…"]
        assert not window.check_button.isEnabled()
    timer.stop()
    verdict = blocker.args[0]

    assert click_took < 1.0
    during = [t for t in ticks if t > clicked]
    assert len(during) >= 3, "the event loop ran while the check was under way"
    gaps = [b - a for a, b in zip([clicked, *during], during)]
    assert max(gaps) < 1.0, f"the window stopped responding for {max(gaps):.2f} s"
    assert verdict.truncated and verdict.analysed_length < verdict.text_length == len(big)
    assert not window.verdict_view.truncated_note.isHidden()
    assert f"{verdict.analysed_length:,}" in window.verdict_view.truncated_note.text()
    assert window.verdict_view.banner.property("level") == verdict.level.value
    assert window.message_input.highlighted()[0] == verdict.all_spans()[0]
    assert window.check_button.isEnabled()
