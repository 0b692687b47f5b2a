"""The browser suite's local server (tests/support/server.py): a browser that hangs up while a file is being sent (a
tab closed mid-load, as the suite does when it replaces a stalled tab) is not reported as an error with a traceback;
any other error of a request still is."""

from __future__ import annotations

import socket
import struct
import threading
import time

from tests.support.server import serve
from tests.support.site import free_port


def test_a_client_that_hangs_up_mid_file_prints_nothing_and_other_errors_do(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "big.bin").write_bytes(b"x" * 20_000_000)  # far more than a socket buffer holds
    port = free_port()
    httpd, _ = serve(site, port, tmp_path / "overlay")
    reached = threading.Event()  # a hang-up reached the server's error handling: the test tests something
    handle_error = httpd.handle_error

    def noting(request, client_address):
        handle_error(request, client_address)
        reached.set()

    httpd.handle_error = noting
    try:
        for _ in range(3):
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset on close
                client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                assert client.recv(1024).startswith(b"HTTP/1.0 200")
        assert reached.wait(20), "no hang-up reached the server's error handling"
        time.sleep(0.5)  # the other two, if they are still being handled
        assert "Traceback" not in capsys.readouterr().err
        try:
            raise ValueError("a fault of the handler itself")
        except ValueError:
            handle_error(None, ("127.0.0.1", 0))
        assert "ValueError: a fault of the handler itself" in capsys.readouterr().err
    finally:
        httpd.shutdown()
        httpd.server_close()
