"""A stand-in speech-dispatcher on a Unix socket, for the cue player's tests: answers the few commands of
its protocol (SSIP) that Qt's engine sends, or stops answering as a server that cannot open its audio
output does.

    python fake_speechd.py SOCKET MODE SECONDS [LOCALE]

MODE: "silent" takes connections and never answers; "mute" answers until the first line to speak, then
never again; "no-modules" answers, with no output module. Prints "listening" once ready; exits after
SECONDS, closing every connection. It has an English and a German voice, and one for LOCALE (Qt's
engine starts with a voice of the client's own locale, or fails).
"""

from __future__ import annotations

import contextlib
import socket
import sys
import time

VOICES = ["English\ten\tnone", "German\tde\tnone"]


def reply(command: str, modules: list[str], voices: list[str]) -> list[str]:
    words = command.upper().split()
    if words[:2] == ["LIST", "OUTPUT_MODULES"]:
        return [f"250-{m}" for m in modules] + ["250 OK MODULE LIST SENT"]
    if words[:2] == ["LIST", "SYNTHESIS_VOICES"]:
        return [f"249-{v}" for v in voices] + ["249 OK VOICE LIST SENT"]
    if words[:2] == ["GET", "OUTPUT_MODULE"]:
        return [f"251-{modules[0] if modules else 'none'}", "251 OK GET RETURNED"]
    if words[:1] == ["GET"]:
        return ["251-0", "251 OK GET RETURNED"]
    if words[:1] == ["QUIT"]:
        return ["231 HAPPY HACKING"]
    return ["200 OK"]


class Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""
        self.receiving = False  # between SPEAK and the line with a single dot

    def serve(self, mode: str, modules: list[str], voices: list[str]) -> bool:
        """Answers what has arrived; False once the server should fall silent."""
        try:
            data = self.sock.recv(65536)
        except BlockingIOError:
            return True
        self.buffer += data
        while b"\r\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\r\n", 1)
            text = line.decode("utf-8", "replace")
            if self.receiving:
                if text == ".":
                    self.receiving = False
                    self.send(["225-1", "225 OK MESSAGE QUEUED"])
                continue
            if text.upper() == "SPEAK":
                if mode == "mute":
                    return False
                self.receiving = True
                self.send(["230 OK RECEIVING DATA"])
                continue
            self.send(reply(text, modules, voices))
        return True

    def send(self, lines: list[str]) -> None:
        self.sock.sendall("".join(f"{line}\r\n" for line in lines).encode())


def main() -> None:
    path, mode, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    modules = [] if mode == "no-modules" else ["espeak-ng"]
    voices = VOICES + ([f"Default\t{sys.argv[4]}\tnone"] if len(sys.argv) > 4 else [])
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(8)
    server.settimeout(0.01)
    print("listening", flush=True)
    clients: list[Client] = []
    answering = mode != "silent"
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            sock, _ = server.accept()
            sock.setblocking(False)
            clients.append(Client(sock))
        except TimeoutError:
            pass
        for client in clients:
            if answering:
                answering = client.serve(mode, modules, voices)
            else:
                with contextlib.suppress(BlockingIOError):
                    client.sock.recv(65536)  # take what comes, answer nothing


if __name__ == "__main__":
    main()
