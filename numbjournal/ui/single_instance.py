"""One window per journal: a second launch brings the first window forward.

Uses a local socket (a named pipe on Windows, elsewhere a socket file in the
user's runtime folder, usable only by its owner), never a network
connection. The name is a hash of the journal's path, so two different
journals can be open side by side.

The second launch asks before it draws anything, so on Linux and macOS it
asks with the standard library's socket: QtNetwork is loaded only by the
window that listens, once its first frame is painted.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

RAISE = b"raise\n"
_WAIT_MS = 1000
_LONGEST_SOCKET_PATH = 100  # sun_path holds 104 bytes on macOS, 108 on Linux


def server_name(journal_path: Path) -> str:
    digest = hashlib.sha256(str(journal_path.resolve()).encode()).hexdigest()[:20]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    suffix = hashlib.sha256(user.encode()).hexdigest()[:6]
    return f"numbjournal-{suffix}-{digest}"


def server_address(journal_path: Path) -> str:
    """The pipe's name on Windows; elsewhere the socket file's full path.

    A full path, so the listening window (Qt) and the asking launch (Python)
    cannot disagree about the folder.
    """
    name = server_name(journal_path)
    if os.name == "nt":
        return name
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = runtime if runtime and os.path.isdir(runtime) else os.environ.get("TMPDIR") or "/tmp"
    address = os.path.join(folder, name)
    return address if len(address.encode()) <= _LONGEST_SOCKET_PATH else os.path.join("/tmp", name)


def ask_running_instance(journal_path: Path) -> bool:
    """True if another numbjournal has this journal open (it was asked to come forward)."""
    address = server_address(journal_path)
    if os.name == "nt":
        return _ask_through_pipe(address)
    if not os.path.exists(address):  # the usual case: no socket module needed to know
        return False
    import socket

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(_WAIT_MS / 1000)
            connection.connect(address)
            connection.sendall(RAISE)
    except OSError:  # nobody listens (or a file left by a crashed window)
        return False
    return True


def _ask_through_pipe(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(_WAIT_MS):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(_WAIT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches of the same journal and calls ``on_raise``."""

    def __init__(
        self, journal_path: Path, on_raise: Callable[[], None], parent: QObject | None = None
    ):
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._on_raise = on_raise
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        address = server_address(journal_path)
        if not self.server.listen(address):
            # A name left behind by a crashed instance (nobody answered above).
            QLocalServer.removeServer(address)
            self.server.listen(address)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _accept(self) -> None:
        """Read the short request at once; the caller writes it right after connecting."""
        while self.server.hasPendingConnections():
            socket: QLocalSocket | None = self.server.nextPendingConnection()
            if socket is None:
                break
            asked = socket.bytesAvailable() or socket.waitForReadyRead(_WAIT_MS)
            request = bytes(socket.readAll().data()) if asked else b""
            socket.abort()
            socket.deleteLater()
            if request.startswith(RAISE.strip()):
                self._on_raise()

    def close(self) -> None:
        self.server.close()
