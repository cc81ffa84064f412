"""One window per journal: a second launch brings the first window forward.

Uses a local socket (a named pipe or a file in the user's runtime folder,
readable only by its owner), never a network connection. The name is a hash
of the journal's path, so two different journals can be open side by side.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"
_WAIT_MS = 1000


def server_name(journal_path: Path) -> str:
    digest = hashlib.sha256(str(journal_path.resolve()).encode()).hexdigest()[:20]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    suffix = hashlib.sha256(user.encode()).hexdigest()[:6]
    return f"numbjournal-{suffix}-{digest}"


def ask_running_instance(journal_path: Path) -> bool:
    """True if another numbjournal has this journal open (it was asked to come forward)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(journal_path))
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
        super().__init__(parent)
        self._on_raise = on_raise
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        name = server_name(journal_path)
        if not self.server.listen(name):
            # A name left behind by a crashed instance (nobody answered above).
            QLocalServer.removeServer(name)
            self.server.listen(name)

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
