"""A real redis-server on a free loopback port, with a config of its own, stopped by its PID."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

from testsupport.processes import free_port, stop, wait_until

REDIS_SERVER = "/usr/bin/redis-server"
START_TIMEOUT = 10.0


class RedisServer:
    """One redis-server process; ``stop()`` and ``start()`` again keep the same port and folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self) -> bool:
        """Whether a redis server answers PING on this port now."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as probe:
                probe.sendall(b"PING\r\n")
                return probe.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> RedisServer:
        if not os.access(REDIS_SERVER, os.X_OK):
            raise RuntimeError(f"{REDIS_SERVER} is missing: install the Debian package redis-server (.ci/run does)")
        config = self.folder / "redis.conf"
        config.write_text(
            f'port {self.port}\nbind 127.0.0.1\ndir "{self.folder}"\nsave ""\nappendonly no\n'
            'protected-mode yes\ndaemonize no\nlogfile ""\n',
            encoding="utf-8",
        )
        with (self.folder / "redis.log").open("ab") as log:
            process = subprocess.Popen([REDIS_SERVER, str(config)], stdout=log, stderr=subprocess.STDOUT)
        self.process = process

        def answering() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {process.returncode}; see {self.folder}/redis.log")
            return self.ping()

        wait_until(answering, START_TIMEOUT, f"redis-server answering on port {self.port}")
        return self

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            stop(process)
