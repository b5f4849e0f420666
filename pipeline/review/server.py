"""`namnd review`: serve the review app on 127.0.0.1 with uvicorn and print its URL."""

from __future__ import annotations

import socket
import threading
import webbrowser
from collections.abc import Callable

import uvicorn

from pipeline.review.app import ReviewSettings, create_app

DEFAULT_PORT = 8765
HOST = "127.0.0.1"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def serve(
    settings: ReviewSettings,
    port: int,
    *,
    open_browser: bool,
    say: Callable[[str], None] = print,
) -> None:
    """Serve until interrupted. Port 0 picks a free one."""
    port = port or free_port()
    url = f"http://{HOST}:{port}/"
    config = uvicorn.Config(create_app(settings), host=HOST, port=port, log_level="warning")
    server = uvicorn.Server(config)

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            say(f"review page: {url}  (Ctrl-C to stop)")
            if open_browser:
                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    server.run()
