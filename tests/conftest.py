"""Test set-up shared by every test: offscreen Qt, a temporary data dir, no network."""

from __future__ import annotations

import os
import socket

import pytest

# Without a display Qt aborts the whole run (exit 134, no output) unless this is set first.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class NetworkBlocked(RuntimeError):
    """A test tried to open a network connection; sagicheck must never do that."""


def _refuse(*args, **kwargs):
    raise NetworkBlocked(f"network access attempted: {args!r}")



@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Every test runs with sockets blocked: offline is a promise, not a habit."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """User data (history, settings, family lists) goes to a fresh folder per test."""
    data = tmp_path / "user-data"
    data.mkdir()
    monkeypatch.setenv("SAGICHECK_DATA_DIR", str(data))
    yield data
