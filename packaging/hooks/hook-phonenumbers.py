"""phonenumbers loads its per-region metadata by name at run time, so every data module has to be
collected; but the geocoder, carrier and time-zone data (most of the package) are never used by
sagicheck. This replaces the general hook, which collects all of them."""

from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata")

hiddenimports = collect_submodules(
    "phonenumbers", filter=lambda name: name.split(".")[1:2] not in ([u] for u in _UNUSED)
)
