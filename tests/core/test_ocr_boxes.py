"""Finding the lines of text on the detector's probability map, and the reader's other small steps.

These run without the ocr extra: joining runs into regions, growing and scaling boxes, decoding
the recogniser's output and reading its character list are plain Python. The steps on numpy
arrays run where numpy is installed (the train or ocr extra) and skip elsewhere.
"""

from __future__ import annotations

import subprocess
import sys
from collections import deque
from importlib.util import find_spec
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ocr_boxes import MIN_SIDE, Region, grown, regions_of_runs, to_picture
from core.ocr_engine import decode_line, detector_size, line_width, read_characters

ROOT = Path(__file__).resolve().parents[2]


def runs_of(grid: list[list[bool]]) -> tuple[list[int], list[int], list[int]]:
    """Rows, starts and (inclusive) ends of the runs of True, row by row, as numpy would give them."""
    rows, starts, ends = [], [], []
    for y, line in enumerate(grid):
        x = 0
        while x < len(line):
            if line[x]:
                begin = x
                while x < len(line) and line[x]:
                    x += 1
                rows.append(y), starts.append(begin), ends.append(x - 1)
            else:
                x += 1
    return rows, starts, ends


def flood_filled(grid: list[list[bool]]) -> set[tuple[int, int, int, int]]:
    """Each 8-connected region's extent, found the slow obvious way (a pixel-by-pixel flood fill)."""
    height, width = len(grid), len(grid[0])
    seen = [[False] * width for _ in range(height)]
    extents = set()
    for y in range(height):
        for x in range(width):
            if not grid[y][x] or seen[y][x]:
                continue
            seen[y][x] = True
            todo, box = deque([(y, x)]), [x, y, x, y]
            while todo:
                cy, cx = todo.popleft()
                box = [min(box[0], cx), min(box[1], cy), max(box[2], cx), max(box[3], cy)]
                for ny in (cy - 1, cy, cy + 1):
                    for nx in (cx - 1, cx, cx + 1):
                        if 0 <= ny < height and 0 <= nx < width and grid[ny][nx] and not seen[ny][nx]:
                            seen[ny][nx] = True
                            todo.append((ny, nx))
            extents.add(tuple(box))
    return extents


def regions(picture: str) -> list[tuple[int, int, int, int]]:
    grid = [[c == "#" for c in line] for line in picture.strip().splitlines()]
    return [(r.left, r.top, r.right, r.bottom) for r in regions_of_runs(*runs_of(grid))]


def test_two_lines_of_text_one_above_the_other_are_two_regions_top_first():
    assert regions("""
.####.....
.######...
..........
...#####..
""") == [(1, 0, 6, 1), (3, 3, 7, 3)]


def test_pixels_touching_only_at_a_corner_are_one_region_as_a_contour_tracer_sees_them():
    assert regions("""
##....
..##..
....##
""") == [(0, 0, 5, 2)]


def test_two_strokes_that_meet_only_further_down_are_joined_into_one_region():
    # A 'U': the right stroke starts as a region of its own and is joined to the left one late.
    assert regions("""
#...#..##
#...#....
#####....
""") == [(0, 0, 4, 2), (7, 0, 8, 0)]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12).flatmap(
    lambda width: st.lists(st.lists(st.booleans(), min_size=width, max_size=width), min_size=1, max_size=12)))
def test_regions_from_runs_are_exactly_those_a_pixel_flood_fill_finds(grid):
    found = regions_of_runs(*runs_of(grid))
    assert {(r.left, r.top, r.right, r.bottom) for r in found} == flood_filled(grid)
    assert len(found) == len(flood_filled(grid))
    assert [r.top for r in found] == sorted(r.top for r in found)


def test_a_line_is_grown_back_by_the_margin_taken_off_in_training():
    # A line 257 x 11 pixels on the map (the link of a 750-pixel screenshot): margin
    # 257 * 11 * 1.6 / (2 * 268) = 8.44; PaddleOCR's polygon offset gave the same whole pixels.
    assert grown(Region(37, 320, 294, 331), 1.6) == (29, 312, 302, 339)


def test_a_region_too_thin_to_hold_a_character_is_not_a_line():
    assert grown(Region(10, 10, 200, 10 + MIN_SIDE - 1), 1.6) is None
    assert grown(Region(10, 10, 200, 10 + MIN_SIDE), 1.6) is not None
    assert grown(Region(10, 10, 200, 10 + MIN_SIDE), 0.0) is None  # not grown: still too thin


def test_a_box_is_scaled_from_the_map_to_the_picture_and_kept_inside_it():
    # The 750 x 1667 screenshot is seen by the detector at 416 x 960.
    assert to_picture((29, 312, 302, 339), (416, 960), (750, 1667)) == (52, 542, 544, 589)
    assert to_picture((-5, -5, 500, 1000), (416, 960), (750, 1667)) == (0, 0, 749, 1666)
    assert to_picture((10, 10, 11, 40), (416, 960), (750, 1667)) is None  # 18 to 20: too thin


def test_the_detector_sees_a_phone_screenshot_at_most_960_pixels_high_in_multiples_of_32():
    assert detector_size(1080, 2400, 960) == (448, 960)
    assert detector_size(750, 1667, 960) == (416, 960)
    assert detector_size(648, 300, 960) == (640, 288)  # small: not enlarged, only rounded
    assert detector_size(10, 5, 960) == (32, 32)


def test_a_line_keeps_its_shape_when_scaled_to_the_recogniser_height():
    assert line_width(494, 47, 48) == 505
    assert line_width(3, 200, 48) == 1


def test_decoding_merges_repeats_drops_blanks_and_keeps_each_characters_confidence():
    characters = ["", "h", "e", "l", "o", " "]
    #                   h    h    -    e    l    l    -    l    o    -
    indices = [1, 1, 0, 2, 3, 3, 0, 3, 4, 0]
    probabilities = [0.9, 0.8, 0.99, 0.7, 0.6, 0.5, 0.99, 0.95, 0.4, 0.99]
    text, confidences = decode_line(indices, probabilities, characters)
    assert text == "hello"  # the blank between the two l's keeps them apart
    assert confidences == (0.9, 0.7, 0.6, 0.95, 0.4)  # the first of each repeat


def test_the_character_list_has_the_blank_first_and_the_space_last(tmp_path):
    listed = tmp_path / "dict.txt"
    listed.write_bytes("あ\r\nい\nA\n".encode())
    assert read_characters(listed) == ["", "あ", "い", "A", " "]


def test_the_reader_modules_load_nothing_heavy_until_a_picture_is_read():
    code = ("import sys, core.ocr_engine, core.ocr_boxes; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'PIL', 'onnxruntime', 'onnxocr'}))")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


needs_numpy = pytest.mark.skipif(find_spec("numpy") is None,
                                 reason="numpy is not installed (the train or ocr extra brings it)")


@needs_numpy
def test_lines_on_a_probability_map_become_boxes_in_the_picture_top_to_bottom():
    import numpy

    from core.ocr_boxes import text_boxes

    chart = numpy.zeros((64, 96), dtype=numpy.float32)
    chart[10:20, 8:80] = 0.9    # a line of text
    chart[40:50, 8:40] = 0.8    # a shorter line below it
    chart[30:33, 60:90] = 0.9   # a sliver three rows high: two between its outermost rows
    chart[55:60, 50:90] = 0.35  # above the text threshold, but too faint to be a line
    boxes = text_boxes(chart, (192, 128), text_above=0.3, box_at_least=0.5, grow_by=1.6)
    assert [(b.left, b.top, b.right, b.bottom) for b in boxes] == [
        # 71 x 9 between outermost pixels: margin 71 * 9 * 1.6 / 160 = 6.39; then twice as large
        (4, 8, 170, 50),
        # 31 x 9: margin 5.58
        (4, 68, 90, 110),
    ]
    assert [b.score for b in boxes] == pytest.approx([0.9, 0.8])


@needs_numpy
def test_a_blank_map_has_no_lines():
    import numpy

    from core.ocr_boxes import text_boxes

    assert text_boxes(numpy.zeros((32, 32), numpy.float32), (32, 32), text_above=0.3,
                      box_at_least=0.5, grow_by=1.6) == []


@needs_numpy
@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.booleans(), min_size=9, max_size=9), min_size=1, max_size=9))
def test_every_region_thick_enough_becomes_a_box_around_it(grid):
    import numpy

    from core.ocr_boxes import text_boxes

    chart = numpy.array(grid, dtype=numpy.float32)
    boxes = text_boxes(chart, (9, len(grid)), text_above=0.5, box_at_least=0.0, grow_by=0.0)
    thick = {r for r in flood_filled(grid) if min(r[2] - r[0], r[3] - r[1]) >= MIN_SIDE + 2}
    assert {(b.left, b.top, b.right, b.bottom) for b in boxes} == thick
    assert len(boxes) == len(thick)
