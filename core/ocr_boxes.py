"""Where the lines of text are: boxes from the text detector's probability map.

PP-OCRv5's detector (a "DB" model) gives, for every pixel of the picture shrunk to at most a
thousand pixels a side, the probability that it lies inside a line of text. It was trained on
regions shrunk by a margin, so that neighbouring lines stay apart; finding the lines is:

1. keep the pixels whose probability is above ``text_above`` (the map *thresholded*);
2. split them into regions that touch (8-connected, as a contour tracer sees them);
3. keep a region when the mean probability over its box is at least ``box_at_least``;
4. grow its box back by the margin taken off in training ("unclip"): a distance of
   ``area * grow_by / perimeter``;
5. scale the box from the map to the picture, and drop what is too thin to hold a character.

PaddleOCR's own post-processing does this with OpenCV's contours and rotated rectangles and two
polygon libraries (shapely, pyclipper). Screenshots are upright, so here every box is a rectangle
with sides along the picture's, and the steps need numpy alone:

- step 2 cuts each row of the map into *runs* of text pixels (numpy), then joins runs that touch
  a run of the row above, with a union-find over runs (:func:`regions_of_runs`, plain Python);
- step 3 reads each box's mean from a summed-area table, in one go for every box.

:func:`regions_of_runs` and :func:`grown` are plain Python, so that they can be checked where
numpy is not installed; :func:`text_boxes` needs numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# A region narrower than this (in map pixels, between its outermost pixel centres, as a contour
# tracer measures it) holds no character; after growing, the box must be two pixels wider still.
MIN_SIDE = 3
# At most this many regions are looked at (a picture of noise has thousands; a screen a few dozen).
MAX_REGIONS = 1000


@dataclass(frozen=True, slots=True)
class Region:
    """Touching text pixels of the map: the outermost pixels' columns and rows (inclusive)."""

    left: int
    top: int
    right: int
    bottom: int


@dataclass(frozen=True, slots=True)
class Box:
    """A line of text in the picture, in picture pixels (right and bottom exclusive), and the
    detector's mean probability over its region."""

    left: int
    top: int
    right: int
    bottom: int
    score: float


def regions_of_runs(rows: Sequence[int], starts: Sequence[int], ends: Sequence[int]) -> list[Region]:
    """The regions made of touching runs, top to bottom.

    A run is the pixels ``starts[i]..ends[i]`` (inclusive) of row ``rows[i]``; the runs come row by
    row, left to right within a row (as numpy's ``nonzero`` gives them). Two runs on consecutive
    rows touch when they overlap or meet at a corner (8-connectivity).
    """
    count = len(rows)
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    above_begin = above_end = 0  # the runs of the row above: [above_begin, above_end)
    i = 0
    while i < count:
        row = rows[i]
        end = i
        while end < count and rows[end] == row:
            end += 1
        if above_end > above_begin and rows[above_begin] == row - 1:
            first = above_begin  # the first run above that does not end left of this one
            for run in range(i, end):
                while first < above_end and ends[first] < starts[run] - 1:
                    first += 1
                other = first
                while other < above_end and starts[other] <= ends[run] + 1:
                    a, b = root(other), root(run)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
                    other += 1
        above_begin, above_end = i, end
        i = end

    extents: dict[int, list[int]] = {}
    for run in range(count):
        key = root(run)
        extent = extents.get(key)
        if extent is None:
            extents[key] = [starts[run], rows[run], ends[run], rows[run]]
        else:
            extent[0] = min(extent[0], starts[run])
            extent[2] = max(extent[2], ends[run])
            extent[3] = rows[run]  # runs come row by row: the last one is the lowest
    # The root of a region is its first run, so the dictionary is in order of top row.
    return [Region(*extent) for extent in extents.values()]


def grown(region: Region, grow_by: float) -> tuple[int, int, int, int] | None:
    """The region's box grown back by the margin the detector was trained to take off, to whole
    pixels of the map (as PaddleOCR's polygon offsetting gives it); None when the region is too
    thin to hold a character."""
    width, height = region.right - region.left, region.bottom - region.top
    if min(width, height) < MIN_SIDE:
        return None
    margin = width * height * grow_by / (2 * (width + height))
    box = (round(region.left - margin), round(region.top - margin),
           round(region.right + margin), round(region.bottom + margin))
    if min(box[2] - box[0], box[3] - box[1]) < MIN_SIDE + 2:
        return None
    return box


def to_picture(box: tuple[int, int, int, int], map_size: tuple[int, int],
               picture_size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """A box on the map scaled to the picture and kept inside it; None when it is too thin
    (three pixels or less) to hold a character."""
    (map_width, map_height), (width, height) = map_size, picture_size

    def scaled(value: float, map_side: int, side: int) -> int:
        return min(max(round(value / map_side * side), 0), side - 1)

    left, right = scaled(box[0], map_width, width), scaled(box[2], map_width, width)
    top, bottom = scaled(box[1], map_height, height), scaled(box[3], map_height, height)
    if right - left <= 3 or bottom - top <= 3:
        return None
    return left, top, right, bottom


def text_boxes(probabilities, picture_size: tuple[int, int], *, text_above: float,
               box_at_least: float, grow_by: float) -> list[Box]:
    """The lines of text in a picture of ``picture_size`` (width, height), from the detector's
    map (a 2-D numpy array of probabilities), top to bottom."""
    import numpy as np

    probabilities = np.asarray(probabilities, dtype=np.float32)
    map_height, map_width = probabilities.shape
    text = np.zeros((map_height, map_width + 2), dtype=np.int8)
    text[:, 1:-1] = probabilities > text_above
    edges = np.diff(text, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # one past each run, in the same order
    regions = regions_of_runs(rows.tolist(), starts.tolist(), (ends - 1).tolist())[:MAX_REGIONS]
    if not regions:
        return []

    # Mean probability over each region's box, from a summed-area table.
    table = np.zeros((map_height + 1, map_width + 1), dtype=np.float64)
    table[1:, 1:] = probabilities.cumsum(axis=0, dtype=np.float64).cumsum(axis=1)
    left, top, right, bottom = (np.array([getattr(r, side) for r in regions])
                                for side in ("left", "top", "right", "bottom"))
    sums = (table[bottom + 1, right + 1] - table[top, right + 1]
            - table[bottom + 1, left] + table[top, left])
    means = sums / ((right - left + 1) * (bottom - top + 1))

    boxes = []
    for region, score in zip(regions, means.tolist()):
        if score < box_at_least:
            continue
        box = grown(region, grow_by)
        placed = box and to_picture(box, (map_width, map_height), picture_size)
        if placed:
            boxes.append(Box(*placed, score=score))
    return boxes
